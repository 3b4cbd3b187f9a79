import type { ConversationRef } from '../../bot/turn.js';

export interface PpiChannel {
  readonly reference: ConversationRef;
  readonly teamId: string;
  readonly channelId: string;
  readonly setBy: { readonly id: string; readonly name: string };
  readonly setAt: string;
  /** Champions' channel only: when the next six-weekly catch-up card is due (also its cycle id). */
  readonly nextCatchUpAt?: string;
}

export interface PpiMember {
  readonly id: string;
  readonly name: string;
  readonly addedBy: string;
  readonly addedAt: string;
  readonly active: boolean;
}
