import type { Write } from '../../storage/versioned.js';
import type { PpiChannel, PpiMember } from '../domain/ppi-team.js';

export type { PpiChannel, PpiMember };

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
