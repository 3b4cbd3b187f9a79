import type { DocumentTable } from '../../storage/document-table.js';
import { writeDocument } from '../../storage/write-document.js';
import type { PpiChannel, PpiMember, PpiTeamStore } from './ppi-team-store.js';

/** PK 'channel' / RK 'current' for the PPI team's channel and 'champions' for the champions'; PK 'member' / RK Entra id for members. */
export class TablePpiTeamStore implements PpiTeamStore {
  constructor(
    private readonly channels: DocumentTable<PpiChannel>,
    private readonly members: DocumentTable<PpiMember>,
  ) {}

  async getChannel(): Promise<PpiChannel | undefined> {
    return (await this.channels.get('channel', 'current'))?.value;
  }

  setChannel(channel: PpiChannel) {
    return writeDocument(this.channels, 'channel', 'current', () => channel);
  }

  async getChampionsChannel(): Promise<PpiChannel | undefined> {
    return (await this.channels.get('channel', 'champions'))?.value;
  }

  setChampionsChannel(channel: PpiChannel) {
    return writeDocument(this.channels, 'channel', 'champions', () => channel);
  }

  async getMember(id: string): Promise<PpiMember | undefined> {
    return (await this.members.get('member', id))?.value;
  }

  putMember(member: PpiMember) {
    return writeDocument(this.members, 'member', member.id, () => member);
  }

  async listMembers(): Promise<PpiMember[]> {
    const out: PpiMember[] = [];
    for await (const row of this.members.listPartition('member')) out.push(row.value);
    return out;
  }
}
