import { computeNextDue, followUpDue, type SnoozeOption, snoozeUntil } from '../../calendar/due-date.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { Champion } from './champion.js';
import type { NudgeSettings } from './nudge-settings.js';
import { deputyWork, followUpWork, nudgeWorkFor } from './nudge-work.js';

/** A champion change and the due work it needs (scheduled before the change is saved, so none is ever missing). */
export interface CycleChange {
  readonly champion: Champion;
  readonly schedule: readonly DueWork[];
}

/**
 * The nudge for `cycle` went out at `at`: start the cycle, plan its first follow-up, and set the next due date one
 * cadence after this one (so a champion who never answers is still asked every six weeks).
 */
export function nudgeSent(champion: Champion, cycle: string, at: Date, settings: NudgeSettings): CycleChange {
  const cadence = champion.cadenceDays ?? settings.cadenceDays;
  const nextDueAt = computeNextDue(new Date(cycle), cadence, settings.workingHours).toISOString();
  const followUp =
    settings.maxFollowUps > 0
      ? [
          followUpWork(
            champion.person.id,
            cycle,
            1,
            followUpDue(at, settings.followUpAfterWorkingDays, settings.workingHours),
          ),
        ]
      : [];
  const { unreachable: _cleared, ...rest } = champion;
  const next: Champion = {
    ...rest,
    nextDueAt,
    cycle: { dueAt: cycle, nudgedAt: at.toISOString(), lastMessageAt: at.toISOString(), followUpsSent: 0 },
    updatedAt: at.toISOString(),
  };
  return { champion: next, schedule: [...followUp, nudgeWorkFor(next)] };
}

/** Follow-up `n` went out: count it and plan the next one if the limit allows. */
export function followUpSent(champion: Champion, n: number, at: Date, settings: NudgeSettings): CycleChange {
  const cycle = champion.cycle;
  if (!cycle) return { champion, schedule: [] };
  const more =
    n < settings.maxFollowUps
      ? [
          followUpWork(
            champion.person.id,
            cycle.dueAt,
            n + 1,
            followUpDue(at, settings.followUpAfterWorkingDays, settings.workingHours),
          ),
        ]
      : [];
  return {
    champion: {
      ...champion,
      cycle: { ...cycle, followUpsSent: n, lastMessageAt: at.toISOString() },
      updatedAt: at.toISOString(),
    },
    schedule: more,
  };
}

/** The nudge of `cycle` went out and is not answered yet (follow-ups and the deputy's copy belong to it). */
export function isOpenCycle(champion: Champion | undefined, cycle: string): champion is Champion {
  return Boolean(champion?.cycle && champion.cycle.dueAt === cycle && !champion.cycle.answer);
}

/** A check-in card for `cycle` can be answered: the cycle is unanswered, or its nudge is being delivered right now. */
export function isAnswerable(champion: Champion, cycle: string): boolean {
  if (champion.cycle?.dueAt === cycle) return !champion.cycle.answer;
  return champion.nextDueAt === cycle;
}

/** An answer to a check-in; any of them can carry an idea for the champions' catch-up. */
export type CycleAnswer = (
  | { readonly kind: 'involvement' }
  | { readonly kind: 'no-relevant-work' }
  | { readonly kind: 'without-patients'; readonly whyNot: string }
  | { readonly kind: 'snoozed'; readonly option: SnoozeOption }
) & { readonly idea?: string };

/**
 * The champion (or deputy) answered: record it and set the next due date — one cadence from today, or the snooze
 * date. Throws CalendarInputError for a snooze date that is not allowed (past, or over a year ahead).
 */
export function cycleAnswered(
  champion: Champion,
  cycleId: string,
  answer: CycleAnswer,
  by: string,
  at: Date,
  settings: NudgeSettings,
): CycleChange {
  const cadence = champion.cadenceDays ?? settings.cadenceDays;
  const nextDueAt =
    answer.kind === 'snoozed'
      ? snoozeUntil(at, answer.option, settings.workingHours).toISOString()
      : computeNextDue(at, cadence, settings.workingHours).toISOString();
  // The answer may come before the engine has recorded the nudge as sent: the cycle starts here then.
  const cycle = champion.cycle?.dueAt === cycleId ? champion.cycle : { dueAt: cycleId, followUpsSent: 0 };
  const next: Champion = {
    ...champion,
    nextDueAt,
    cycle: {
      ...cycle,
      answer: answer.kind,
      answeredAt: at.toISOString(),
      answeredBy: by,
      ...(answer.kind === 'without-patients' ? { whyNot: answer.whyNot } : {}),
      ...(answer.idea ? { idea: answer.idea } : {}),
    },
    ...(answer.kind === 'snoozed' ? {} : { lastResponseAt: at.toISOString() }),
    updatedAt: at.toISOString(),
  };
  return { champion: next, schedule: [nudgeWorkFor(next)] };
}

/**
 * The same answer again (a double click on Save, or Teams re-sending the click): the cycle was answered that way by
 * that person, so it is thanked again the same way instead of being told it was already answered.
 */
export function repeatsAnswer(
  champion: Champion,
  cycleId: string,
  answer: CycleAnswer,
  by: string,
  settings: NudgeSettings,
): boolean {
  const c = champion.cycle;
  if (!c?.answeredAt || c.dueAt !== cycleId || c.answer !== answer.kind || c.answeredBy !== by) return false;
  if (answer.kind === 'without-patients') return c.whyNot === answer.whyNot;
  if (answer.kind !== 'snoozed') return true;
  try {
    return (
      snoozeUntil(new Date(c.answeredAt), answer.option, settings.workingHours).toISOString() === champion.nextDueAt
    );
  } catch {
    return false;
  }
}

export type ResponseStatus = 'answered' | 'awaiting answer' | 'no response' | 'not yet nudged';

/** Where the current cycle stands; "no response" once every follow-up has gone and its wait has passed. */
export function responseStatusOf(champion: Champion, now: Date, settings: NudgeSettings): ResponseStatus {
  const cycle = champion.cycle;
  if (!cycle?.nudgedAt) return 'not yet nudged';
  if (cycle.answer && cycle.answer !== 'handed-to-deputy') return 'answered';
  if (cycle.followUpsSent < settings.maxFollowUps) return 'awaiting answer';
  const last = new Date(cycle.lastMessageAt ?? cycle.nudgedAt);
  const giveUpAt = followUpDue(last, settings.followUpAfterWorkingDays, settings.workingHours);
  return now >= giveUpAt ? 'no response' : 'awaiting answer';
}

/** "Hand to my deputy": the deputy is sent this cycle's nudge now; the cycle stays open until someone answers. */
export function handedToDeputy(champion: Champion, at: Date): CycleChange {
  const cycle = champion.cycle;
  if (!cycle) return { champion, schedule: [] };
  return {
    champion: { ...champion, cycle: { ...cycle, handedToDeputyAt: at.toISOString() }, updatedAt: at.toISOString() },
    schedule: [deputyWork(champion.person.id, cycle.dueAt, at)],
  };
}

/** The nudge for `cycle` could not be delivered: no follow-ups; it is tried again one cadence later. */
export function nudgeMissed(champion: Champion, cycle: string, at: Date, settings: NudgeSettings): CycleChange {
  const cadence = champion.cadenceDays ?? settings.cadenceDays;
  const next: Champion = {
    ...champion,
    nextDueAt: computeNextDue(new Date(cycle), cadence, settings.workingHours).toISOString(),
    updatedAt: at.toISOString(),
  };
  return { champion: next, schedule: [nudgeWorkFor(next)] };
}
