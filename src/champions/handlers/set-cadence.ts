import { type Answer, answer } from '../../bot/router.js';
import type { Turn } from '../../bot/turn.js';
import { computeNextDue } from '../../calendar/due-date.js';
import type { Versioned } from '../../storage/versioned.js';
import type { ChampionDeps } from '../champion-deps.js';
import type { Champion } from '../domain/champion.js';
import { formatUkDate } from '../domain/format-uk-date.js';
import { nudgeWorkFor } from '../domain/nudge-work.js';
import { applyCycleChange } from '../nudges/apply-cycle-change.js';
import { NOT_A_CHAMPION } from './own-champion.js';

const MIN_DAYS = 7;
const MAX_DAYS = 365;

/** Days from "6 weeks", "42 days", "every 8 weeks"; undefined when it isn't one of those. */
export function readCadence(text: string): number | undefined {
  const match = /^(?:every\s+)?(\d{1,3})\s*(week|weeks|day|days)$/i.exec(text.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2]?.toLowerCase().startsWith('week') ? n * 7 : n;
}

/** The cadence asked for, in days, or how to ask. */
export function readCadenceDays(text: string): number | Answer {
  const days = readCadence(text);
  if (days !== undefined && days >= MIN_DAYS && days <= MAX_DAYS) return days;
  return answer(
    'Please say how often, between 1 and 52 weeks, for example **nudge me every 8 weeks** (the default is every 6 weeks).',
  );
}

/**
 * `nudge me every 8 weeks` (a champion, for themselves), or `nudge me every 6 weeks` to go back to the default. The
 * next nudge moves to one new cadence after the last answer (or registration), on a working day.
 */
export async function setCadence(turn: Turn, deps: ChampionDeps, days: number, loaded: Versioned<Champion>) {
  const now = deps.now();
  const write = await applyCycleChange(
    deps,
    turn.actor.id,
    (c) => {
      const from = new Date(c.lastResponseAt ?? c.registeredAt);
      const due = computeNextDue(from, days, deps.settings.workingHours);
      const nextDueAt = (due > now ? due : computeNextDue(now, 1, deps.settings.workingHours)).toISOString();
      const { cadenceDays: _old, ...rest } = c;
      const champion: Champion = {
        ...rest,
        ...(days === deps.settings.cadenceDays ? {} : { cadenceDays: days }),
        nextDueAt,
        updatedAt: now.toISOString(),
      };
      return { champion, schedule: [nudgeWorkFor(champion)] };
    },
    loaded,
  );
  if (write.status !== 'applied') {
    await turn.say(NOT_A_CHAMPION);
    return;
  }
  await turn.say(
    `Done: every ${days % 7 === 0 ? `${days / 7} weeks` : `${days} days`}. Your next check-in is due ${formatUkDate(new Date(write.saved.value.nextDueAt))}.`,
  );
}
