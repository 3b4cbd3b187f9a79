import type { ConversationRef } from '../../bot/turn.js';
import type { Write } from '../../storage/versioned.js';

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

/** The PPI team: its Teams channel and the members added in Teams (config admins are members too). */
export interface PpiTeamStore {
  getChannel(): Promise<PpiChannel | undefined>;
  /** Stores the channel; the result carries the one it replaced (`previous`), for the audit trail. */
  setChannel(channel: PpiChannel): Promise<Write<PpiChannel>>;
  /** The partnership champions' channel (for their six-weekly catch-up card), if one was set. */
  getChampionsChannel(): Promise<PpiChannel | undefined>;
  setChampionsChannel(channel: PpiChannel): Promise<Write<PpiChannel>>;
  getMember(id: string): Promise<PpiMember | undefined>;
  putMember(member: PpiMember): Promise<Write<PpiMember>>;
  listMembers(): Promise<PpiMember[]>;
}
