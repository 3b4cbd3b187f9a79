import { followUpDue } from '../../calendar/due-date.js';
import { addWorkingDays } from '../../calendar/working-days.js';
import { nextWorkingSlot, type WorkingHours, workingStartOn } from '../../calendar/working-hours.js';
import type { DueWork } from '../../delivery/due-work.js';

/** The delivery job of the request lifecycle, and its kinds of work (each is one delivery, sent at most once). */
export const LIFECYCLE_JOB = 'close-outs';
export const LifecycleKind = {
  /** The lead's close-out check-in, on the first working day after the expected end date. */
  checkIn: 'close-out-check-in',
  /** Its one follow-up. */
  followUp: 'close-out-follow-up',
  /** The follow-up went unanswered: the project is listed for the PPI team, in its channel. */
  unanswered: 'close-out-unanswered',
  /** A close-out sent for review: its card in the PPI team's channel. */
  review: 'close-out-review',
  /** The PPI team's decision on a close-out, to the lead. */
  decision: 'close-out-decision',
} as const;

/** How the check-in repeats: the working hours it is sent in, and the working days before its follow-up. */
export interface CheckInSettings {
  readonly workingHours: WorkingHours;
  readonly followUpAfterWorkingDays: number;
}

/** When the close-out check-in for `endDate` is due: the start of working hours on the first working day after it. */
export function checkInDueAt(endDate: string, hours: WorkingHours): Date {
  return nextWorkingSlot(workingStartOn(addWorkingDays(endDate, 1), hours), hours);
}

/** Work on one request is keyed by its reference; a check-in's cycle is the end date it is for. */
export function checkInWork(reference: string, endDate: string, hours: WorkingHours): DueWork {
  const dueAt = checkInDueAt(endDate, hours).toISOString();
  return { kind: LifecycleKind.checkIn, targetId: reference, cycle: endDate, dueAt };
}

export function followUpWork(reference: string, cycle: string, sentAt: Date, settings: CheckInSettings): DueWork {
  return { kind: LifecycleKind.followUp, targetId: reference, cycle, dueAt: afterWait(sentAt, settings).toISOString() };
}

/** The PPI team's listing of an unanswered check-in, due at `dueAt`. */
export function unansweredWork(reference: string, cycle: string, dueAt: Date): DueWork {
  return { kind: LifecycleKind.unanswered, targetId: reference, cycle, dueAt: dueAt.toISOString() };
}

/** A follow-up's wait after `sentAt`: FOLLOW_UP_AFTER_WORKING_DAYS working days, at the start of working hours. */
export function afterWait(sentAt: Date, settings: CheckInSettings): Date {
  return followUpDue(sentAt, settings.followUpAfterWorkingDays, settings.workingHours);
}

/** Round `round` of a close-out: its review card, or the lead's notice of the decision on it, due now. */
export function roundWork(kind: 'review' | 'decision', reference: string, round: number, at: Date): DueWork {
  return { kind: LifecycleKind[kind], targetId: reference, cycle: `round-${round}`, dueAt: at.toISOString() };
}

/** The round a review or decision work item is for. */
export function roundOf(work: DueWork): number | undefined {
  const match = /^round-(\d{1,4})$/.exec(work.cycle);
  return match ? Number(match[1]) : undefined;
}
