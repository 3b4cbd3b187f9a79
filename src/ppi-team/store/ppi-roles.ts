import type { RoleChecks } from '../../bot/access.js';
import type { PpiTeamStore } from './ppi-team-store.js';

/** Who is on the PPI team: the bootstrap admins from configuration, plus members added in Teams. */
export class PpiRoles implements RoleChecks {
  constructor(
    private readonly bootstrapAdminIds: readonly string[],
    private readonly store: PpiTeamStore,
  ) {}

  isPpiAdmin(id: string): boolean {
    return this.bootstrapAdminIds.includes(id);
  }

  async isPpiTeam(id: string): Promise<boolean> {
    if (this.isPpiAdmin(id)) return true;
    return (await this.store.getMember(id))?.active === true;
  }
}
