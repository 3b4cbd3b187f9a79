import { londonDateKey } from '../../calendar/london-time.js';
import type { Pir } from '../../pir/domain/pir.js';
import { type Project, readProject } from './project.js';

/**
 * Where a request stands, from submission to outcome. After acceptance: accepted (before its start date), in progress,
 * close-out due (the day after the expected end date, or once a close-out is with the PPI team), closed (the PPI team
 * accepted the close-out) or stopped (the lead said it stopped).
 */
export type Stage =
  | 'draft'
  | 'submitted'
  | 'changes-requested'
  | 'declined'
  | 'accepted'
  | 'in-progress'
  | 'close-out-due'
  | 'closed'
  | 'stopped';

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'changes-requested': 'Changes requested',
  declined: 'Declined',
  accepted: 'Accepted',
  'in-progress': 'In progress',
  'close-out-due': 'Close-out due',
  closed: 'Closed',
  stopped: 'Stopped',
};

/** The stages in the order a request moves through them (for lists and counts). */
export const STAGE_ORDER: readonly Stage[] = [
  'draft',
  'submitted',
  'changes-requested',
  'accepted',
  'in-progress',
  'close-out-due',
  'closed',
  'stopped',
  'declined',
];

export function isAccepted(pir: Pir): boolean {
  return pir.status === 'accepted' || pir.status === 'accepted-with-conditions';
}

/** The expected end date in force: the one the lead moved it to, else the request's own. */
export function endDateOf(pir: Pir, project: Project = readProject(pir.project)): string | undefined {
  return project.endDate ?? pir.answers.endDate;
}

const before = (instant: string | undefined, at: Date) => instant !== undefined && Date.parse(instant) <= at.getTime();

/**
 * The request's stage at `at` (now, or the end of a report's period). A stage after acceptance counts only what had
 * happened by then (closed, stopped); the stages before it are the request's status as stored.
 */
export function stageAt(pir: Pir, at: Date, project: Project = readProject(pir.project)): Stage {
  if (!isAccepted(pir)) return pir.status as Exclude<Stage, 'accepted'>;
  const closeOut = project.closeOut;
  if (closeOut?.status === 'accepted' && before(closeOut.closedAt, at)) return 'closed';
  if (project.stopped && before(project.stopped.at, at)) return 'stopped';
  const today = londonDateKey(at);
  const end = endDateOf(pir, project);
  const withPpiTeam = closeOut?.status === 'submitted' || closeOut?.status === 'accepted';
  if ((withPpiTeam && before(closeOut?.submittedAt, at)) || (end !== undefined && today > end)) return 'close-out-due';
  const start = pir.answers.startDate;
  return start !== undefined && today < start ? 'accepted' : 'in-progress';
}

/** Still to be followed: accepted, and neither closed nor stopped. */
export function isOpenProject(pir: Pir, project: Project = readProject(pir.project)): boolean {
  return isAccepted(pir) && project.closeOut?.status !== 'accepted' && !project.stopped;
}
