import { type CardText, lines as joinLines, md, written } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { offered } from '../../trust-lists/domain/list-entries.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { type Champion, directorateLabelOf, reachabilityOf } from '../domain/champion.js';
import { CHAMPIONS_PER_DIRECTORATE, thinlyCovered } from '../domain/coverage.js';
import { responseStatusOf } from '../domain/nudge-cycle.js';

const LIST_LIMIT = 100;

function describe(c: Champion, deps: ChampionsDeps, directorates: readonly ListEntry[], now: Date): CardText {
  const status =
    c.status === 'paused'
      ? 'paused'
      : reachabilityOf(c) === 'unreachable'
        ? 'unreachable: they need to open a chat with the bot, or be re-added from a team'
        : responseStatusOf(c, now, deps.settings);
  const last = c.lastResponseAt ? formatUkDate(new Date(c.lastResponseAt)) : 'no response yet';
  const deputy = c.deputy ? `; deputy: ${c.deputy.name || 'named from the people picker'}` : '';
  const buddy = c.buddy ? `; buddy: ${c.buddy.name}, ${directorateLabelOf(c.buddy, directorates)}` : '';
  return md`- **${directorateLabelOf(c, directorates)}**: ${c.person.name} (${status}; last response: ${last}; next nudge: ${formatUkDate(new Date(c.nextDueAt))}${deputy}${buddy})`;
}

/** The directorates with fewer than two active champions (the toolkit asks for two from each). */
function coverageLine(champions: readonly Champion[], directorates: readonly ListEntry[]): CardText {
  const thin = thinlyCovered(offered(directorates), champions);
  if (thin.length === 0) return md`Every directorate has at least ${CHAMPIONS_PER_DIRECTORATE} active champions.`;
  const named = thin.map((d) => `${d.directorate} (${d.champions})`).join('; ');
  return md`Fewer than ${CHAMPIONS_PER_DIRECTORATE} active champions: ${named}.`;
}

/**
 * `champions` (PPI team): champions by directorate with last response, this cycle's status, the next nudge, deputy
 * and buddy; then the directorates with fewer than two active champions.
 */
export async function listChampions(turn: Turn, deps: ChampionsDeps): Promise<void> {
  const [champions, directorates] = await Promise.all([deps.champions.list(), deps.directorates.entries()]);
  if (champions.length === 0) {
    await turn.say(
      md`No partnership champions yet. Champions register with **I'm a champion for Finance** in a 1:1 chat.\n\n${written(coverageLine(champions, directorates))}`,
    );
    return;
  }
  const now = deps.now();
  const name = (c: Champion) => directorateLabelOf(c, directorates);
  const sorted = [...champions].sort(
    (a, b) => name(a).localeCompare(name(b)) || a.person.name.localeCompare(b.person.name),
  );
  const rows = sorted.slice(0, LIST_LIMIT).map((c) => describe(c, deps, directorates, now));
  const more = sorted.length > LIST_LIMIT ? [md`\n…and ${sorted.length - LIST_LIMIT} more.`] : [];
  const coverage = coverageLine(champions, directorates);
  await turn.say(md`Partnership champions:\n\n${written(joinLines(...rows, ...more))}\n\n${written(coverage)}`);
}
