import type { DueWork } from '../../delivery/due-work.js';
import type { Champion } from './champion.js';

/** Delivery kinds of the champions feature, all run by the `nudges` job. */
export const NUDGE_JOB = 'nudges';
export const NudgeKind = {
  nudge: 'nudge',
  followUp: 'nudge-follow-up',
  deputy: 'nudge-deputy',
  catchUp: 'champions-catch-up',
} as const;

export function catchUpWork(dueAt: string): DueWork {
  return { kind: NudgeKind.catchUp, targetId: 'champions', cycle: dueAt, dueAt };
}

/** The nudge for the champion's current due date. */
export function nudgeWorkFor(champion: Champion): DueWork {
  return { kind: NudgeKind.nudge, targetId: champion.person.id, cycle: champion.nextDueAt, dueAt: champion.nextDueAt };
}

/** Follow-up number `n` (1-based) of the cycle that was due at `cycle`. */
export function followUpWork(championId: string, cycle: string, n: number, dueAt: Date): DueWork {
  return { kind: NudgeKind.followUp, targetId: championId, cycle: `${cycle}#${n}`, dueAt: dueAt.toISOString() };
}

export function deputyWork(championId: string, cycle: string, at: Date): DueWork {
  return { kind: NudgeKind.deputy, targetId: championId, cycle, dueAt: at.toISOString() };
}

/** Splits a follow-up cycle id `dueAt#n`. */
export function parseFollowUpCycle(cycle: string): { cycle: string; n: number } | undefined {
  const match = /^(.+)#([1-9])$/.exec(cycle);
  return match?.[1] && match[2] ? { cycle: match[1], n: Number(match[2]) } : undefined;
}
