import type { ConversationRef } from '../bot/turn.js';

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
  setChannel(channel: PpiChannel): Promise<void>;
  /** The partnership champions' channel (for their six-weekly catch-up card), if one was set. */
  getChampionsChannel(): Promise<PpiChannel | undefined>;
  setChampionsChannel(channel: PpiChannel): Promise<void>;
  getMember(id: string): Promise<PpiMember | undefined>;
  putMember(member: PpiMember): Promise<void>;
  listMembers(): Promise<PpiMember[]>;
}
