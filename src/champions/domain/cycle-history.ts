import type { Champion, NudgeCycle } from './champion.js';

/** How many finished check-ins a champion keeps (about 18 months at the six-weekly cadence), oldest dropped first. */
export const KEPT_PAST_CYCLES = 12;

/**
 * A change that starts a new cycle must not lose the one it replaces: the earlier cycle (its answer and "why not"
 * reason) moves to `pastCycles`, so the quarterly report sees every check-in of the quarter. Pure; applied by the
 * store to every write.
 */
export function keepCycleHistory(before: Champion | undefined, after: Champion): Champion {
  const replaced = before?.cycle;
  if (!replaced || replaced.dueAt === after.cycle?.dueAt) return after;
  const past: NudgeCycle[] = [...(after.pastCycles ?? []).filter((c) => c.dueAt !== replaced.dueAt), replaced];
  const dropped = past.length - KEPT_PAST_CYCLES;
  if (dropped <= 0) return { ...after, pastCycles: past };
  const newestDropped = past[dropped - 1]?.dueAt;
  return {
    ...after,
    pastCycles: past.slice(dropped),
    ...(newestDropped ? { pastCyclesFrom: newestDropped } : {}),
  };
}
