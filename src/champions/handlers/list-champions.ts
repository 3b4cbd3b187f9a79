import type { Turn } from '../../bot/turn.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import type { ChampionDeps } from '../champion-deps.js';
import { reachabilityOf } from '../domain/champion.js';
import { formatUkDate } from '../domain/format-uk-date.js';

/** `champions` (PPI team): champions by directorate with last response, next nudge and status. */
export async function listChampions(turn: Turn, deps: ChampionDeps): Promise<void> {
  if (!(await deps.roles.isPpiTeam(turn.actor.id))) {
    await turn.say('Sorry, only members of the PPI team can see the champions list.');
    return;
  }
  const champions = await deps.champions.list();
  if (champions.length === 0) {
    await turn.say(
      "No partnership champions yet. Champions register with **I'm a champion for Finance** in a 1:1 chat.",
    );
    return;
  }
  const lines = [...champions]
    .sort((a, b) => a.directorate.localeCompare(b.directorate) || a.person.name.localeCompare(b.person.name))
    .slice(0, 100)
    .map((c) => {
      const reach = reachabilityOf(c);
      const status = c.status === 'paused' ? 'paused' : reach === 'unreachable' ? 'unreachable' : 'active';
      const last = c.lastResponseAt ? formatUkDate(new Date(c.lastResponseAt)) : 'no response yet';
      return `- **${labelOf(referenceData.directorates, c.directorate)}**: ${c.person.name} (${status}; last response: ${last}; next nudge: ${formatUkDate(new Date(c.nextDueAt))})`;
    });
  await turn.say(`Partnership champions:\n\n${lines.join('\n')}`);
}
