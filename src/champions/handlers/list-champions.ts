import { type CardText, lines as joinLines, md, written } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { type Champion, directorateLabelOf, reachabilityOf } from '../domain/champion.js';
import { responseStatusOf } from '../domain/nudge-cycle.js';

const LIST_LIMIT = 100;

function describe(c: Champion, deps: ChampionsDeps, now: Date): CardText {
  const status =
    c.status === 'paused'
      ? 'paused'
      : reachabilityOf(c) === 'unreachable'
        ? 'unreachable: they need to open a chat with the bot, or be re-added from a team'
        : responseStatusOf(c, now, deps.settings);
  const last = c.lastResponseAt ? formatUkDate(new Date(c.lastResponseAt)) : 'no response yet';
  const deputy = c.deputy ? `; deputy: ${c.deputy.name || 'named from the people picker'}` : '';
  return md`- **${directorateLabelOf(c)}**: ${c.person.name} (${status}; last response: ${last}; next nudge: ${formatUkDate(new Date(c.nextDueAt))}${deputy})`;
}

/** `champions` (PPI team): champions by directorate with last response, this cycle's status and the next nudge. */
export async function listChampions(turn: Turn, deps: ChampionsDeps): Promise<void> {
  const champions = await deps.champions.list();
  if (champions.length === 0) {
    await turn.say(
      "No partnership champions yet. Champions register with **I'm a champion for Finance** in a 1:1 chat.",
    );
    return;
  }
  const now = deps.now();
  const sorted = [...champions].sort(
    (a, b) => a.directorate.localeCompare(b.directorate) || a.person.name.localeCompare(b.person.name),
  );
  const rows = sorted.slice(0, LIST_LIMIT).map((c) => describe(c, deps, now));
  const more = sorted.length > LIST_LIMIT ? [md`\n…and ${sorted.length - LIST_LIMIT} more.`] : [];
  await turn.say(md`Partnership champions:\n\n${written(joinLines(...rows, ...more))}`);
}
