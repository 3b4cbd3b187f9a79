import { addLondonDays, parseDateKey } from '../../calendar/london-time.js';
import { type Period, type PeriodKind, periodContaining } from '../../calendar/period.js';
import { nextWorkingDay } from '../../calendar/working-days.js';
import { type WorkingHours, workingStartOn } from '../../calendar/working-hours.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { DigestSubscription } from './subscription.js';

export const DIGEST_JOB = 'digests';
export const DIGEST_KIND = 'digest';

/**
 * The digest for `period` is posted at the start of working hours on the first working day after the period ends.
 * Its cycle names the cadence and period (`monthly:2026-11`), so each (channel, period) is posted once.
 */
export function digestWork(channelId: string, period: Period, hours: WorkingHours): DueWork {
  const day = nextWorkingDay(addLondonDays(period.endKey, 1));
  return {
    kind: DIGEST_KIND,
    targetId: channelId,
    cycle: `${period.kind}:${period.key}`,
    dueAt: workingStartOn(day, hours).toISOString(),
  };
}

/** The digest due next for a subscription made (or last posted) at `at`: the one for the period containing it. */
export function nextDigestWork(subscription: DigestSubscription, at: Date, hours: WorkingHours): DueWork {
  return digestWork(subscription.channelId, periodContaining(subscription.cadence, at), hours);
}

export function parseDigestCycle(cycle: string): { kind: PeriodKind; key: string } | undefined {
  const match = /^(weekly|monthly|quarterly|six-monthly):(.+)$/.exec(cycle);
  return match?.[1] && match[2] ? { kind: match[1] as PeriodKind, key: match[2] } : undefined;
}

/** The period a digest cycle names, found from its due date (a few days after the period ends). */
export function periodOfWork(work: DueWork): Period | undefined {
  const cycle = parseDigestCycle(work.cycle);
  if (!cycle) return undefined;
  for (let back = 1; back <= 14; back++) {
    const period = periodContaining(cycle.kind, new Date(Date.parse(work.dueAt) - back * 86_400_000));
    if (period.key === cycle.key) return period;
  }
  return undefined;
}

/** The period after `period`. */
export function periodAfter(period: Period): Period {
  const { year, month, day } = parseDateKey(addLondonDays(period.endKey, 1));
  return periodContaining(period.kind, new Date(Date.UTC(year, month - 1, day, 12)));
}
