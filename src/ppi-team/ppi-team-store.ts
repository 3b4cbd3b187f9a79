import type { ConversationRef } from '../bot/turn.js';

export interface PpiChannel {
  readonly reference: ConversationRef;
  readonly teamId: string;
  readonly channelId: string;
  readonly setBy: { readonly id: string; readonly name: string };
  readonly setAt: string;
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
  getMember(id: string): Promise<PpiMember | undefined>;
  putMember(member: PpiMember): Promise<void>;
  listMembers(): Promise<PpiMember[]>;
}
