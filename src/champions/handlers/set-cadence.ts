import { botText } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { Turn } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { plural } from '../../text/plural.js';
import type { ChampionsDeps } from '../champions-deps.js';
import type { Champion } from '../domain/champion.js';
import { cadenceChanged } from '../domain/champion-changes.js';
import { readCadence } from '../domain/nudge-settings.js';
import { applyCycleChange } from '../store/apply-cycle-change.js';
import { NOT_A_CHAMPION } from './own-champion.js';

/** The cadence asked for, in days (1 to 52 weeks), or how to ask. */
export function readCadenceDays(text: string): number | Answer {
  const days = readCadence(text);
  if (days !== undefined) return days;
  return answer(
    botText(
      'Please say how often, between 1 and 52 weeks, for example **nudge me every 8 weeks** (the default is every 6 weeks).',
    ),
  );
}

/** `nudge me every 8 weeks` (a champion, for themselves), or `nudge me every 6 weeks` to go back to the default. */
export async function setCadence(turn: Turn, deps: ChampionsDeps, days: number, loaded: Versioned<Champion>) {
  const now = deps.now();
  const change = existing((c: Champion) => cadenceChanged(c, days, now, deps.settings));
  const write = await applyCycleChange(deps, turn.actor.id, change, loaded);
  if (write.status !== 'applied') {
    await turn.say(NOT_A_CHAMPION);
    return;
  }
  const every = days % 7 === 0 ? plural(days / 7, 'week') : plural(days, 'day');
  const due = formatUkDate(new Date(write.saved.value.nextDueAt));
  await turn.say(`Done: every ${every}. Your next check-in is due ${due}.`);
}
