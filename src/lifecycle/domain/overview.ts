import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { Project } from './project.js';
import { endDateOf, stageAt } from './stage.js';

export interface OverviewItem {
  readonly pir: Pir;
  readonly project: Project;
}

/** What the PPI team sees at a glance (`close-outs`): what is due, what is with them, what ended lately. */
export interface Overview {
  /** Past the end date, close-out not sent; the check-in not (yet) unanswered. */
  readonly due: readonly OverviewItem[];
  /** The check-in and its reminder went unanswered (or could not reach the lead). */
  readonly unanswered: readonly OverviewItem[];
  readonly withPpiTeam: readonly OverviewItem[];
  /** Still running, ending within the next four weeks. */
  readonly endingSoon: readonly OverviewItem[];
  readonly running: number;
  /** Closed or stopped in the last 90 days, newest first. */
  readonly ended: readonly OverviewItem[];
}

const RECENT_DAYS = 90;
const SOON_DAYS = 28;

const endedAt = (i: OverviewItem) => i.project.closeOut?.closedAt ?? i.project.stopped?.at ?? '';
const byEnd = (a: OverviewItem, b: OverviewItem) =>
  (endDateOf(a.pir, a.project) ?? '').localeCompare(endDateOf(b.pir, b.project) ?? '');

export function overviewOf(items: readonly OverviewItem[], now: Date): Overview {
  const today = londonDateKey(now);
  const stage = (i: OverviewItem) => stageAt(i.pir, now, i.project);
  const due = items.filter((i) => stage(i) === 'close-out-due');
  const withPpiTeam = due.filter((i) => i.project.closeOut?.status === 'submitted');
  const waiting = due.filter((i) => i.project.closeOut?.status !== 'submitted');
  const running = items.filter((i) => ['accepted', 'in-progress'].includes(stage(i)));
  const soon = addLondonDays(today, SOON_DAYS);
  const since = addLondonDays(today, -RECENT_DAYS);
  return {
    due: waiting.filter((i) => !i.project.checkIn?.listedAt).sort(byEnd),
    unanswered: waiting.filter((i) => i.project.checkIn?.listedAt).sort(byEnd),
    withPpiTeam: withPpiTeam.sort(byEnd),
    endingSoon: running.filter((i) => (endDateOf(i.pir, i.project) ?? '9999') <= soon).sort(byEnd),
    running: running.length,
    ended: items
      .filter((i) => ['closed', 'stopped'].includes(stage(i)) && londonDateKey(new Date(endedAt(i))) >= since)
      .sort((a, b) => endedAt(b).localeCompare(endedAt(a))),
  };
}
