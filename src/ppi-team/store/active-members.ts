import type { PpiTeamStore } from './ppi-team-store.js';

/** The PPI team members added in Teams who are still on the team: who a request can be assigned to. */
export async function activeMembers(deps: { readonly ppiTeam: Pick<PpiTeamStore, 'listMembers'> }) {
  return (await deps.ppiTeam.listMembers()).filter((m) => m.active).map((m) => ({ id: m.id, name: m.name }));
}
