import type { ConversationRef } from '../../bot/turn.js';
import type { PeriodKind } from '../../calendar/period.js';

/** A team channel that gets a "You said, we did" digest every period, optionally for one directorate. */
export interface DigestSubscription {
  /** The channel's conversation id (without a message id): one subscription per channel. */
  readonly channelId: string;
  /** Where top-level posts go. */
  readonly reference: ConversationRef;
  readonly teamName?: string;
  readonly cadence: PeriodKind;
  readonly directorate?: { readonly id: string; readonly label: string };
  readonly subscribedBy: { readonly id: string; readonly name: string };
  readonly subscribedAt: string;
  readonly status: 'active' | 'stopped';
  readonly updatedAt: string;
}
