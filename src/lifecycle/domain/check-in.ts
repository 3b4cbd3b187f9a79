import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import type { DeliveryOutcome } from '../../delivery/delivery-record.js';
import type { Person, Pir } from '../../pir/domain/pir.js';
import {
  afterWait,
  type CheckInSettings,
  checkInWork,
  followUpWork,
  LifecycleKind,
  unansweredWork,
} from './lifecycle-work.js';
import type { CheckIn, Project } from './project.js';
import { changed, type ProjectChange, recorded } from './project-change.js';
import { endDateOf, isOpenProject } from './stage.js';

/** Whether a piece of the check-in's work should still go, and if not, why it is dropped. */
export type StillDue = { readonly send: true } | { readonly send: false; readonly reason: string };

const drop = (reason: string): StillDue => ({ send: false, reason });

type CheckInKind = (typeof LifecycleKind)['checkIn' | 'followUp' | 'unanswered'];

/**
 * The check-in for end date `cycle` (or its follow-up, or the PPI team's listing) is still wanted: the project is open,
 * its end date is still `cycle`, its close-out is not with the PPI team, and this step has not happened yet.
 */
export function checkInStillDue(pir: Pir | undefined, project: Project, kind: CheckInKind, cycle: string): StillDue {
  if (!pir || !isOpenProject(pir, project)) return drop('closed, stopped or not accepted');
  if (endDateOf(pir, project) !== cycle) return drop('the end date moved');
  const status = project.closeOut?.status;
  if (status === 'submitted' || status === 'accepted') return drop('close-out sent');
  const checkIn = project.checkIn?.cycle === cycle ? project.checkIn : undefined;
  if (kind === LifecycleKind.checkIn) return checkIn?.sentAt ? drop('already sent') : { send: true };
  if (kind === LifecycleKind.followUp) {
    return checkIn?.sentAt && !followedUp(checkIn) ? { send: true } : drop('no check-in to follow up');
  }
  return checkIn && !checkIn.listedAt ? { send: true } : drop('already listed');
}

/**
 * After the check-in of `cycle` went (the follow-up is planned) or could not go (the PPI team is told at once).
 * Undefined when already recorded: settling twice changes nothing.
 */
export function checkInSettled(
  pir: Pir,
  project: Project,
  cycle: string,
  outcome: DeliveryOutcome,
  settings: CheckInSettings,
): ProjectChange | undefined {
  const reference = pir.reference ?? '';
  if (outcome.status === 'cancelled' || project.checkIn?.cycle === cycle) return undefined;
  const at = new Date(outcome.at);
  if (outcome.status !== 'sent') {
    return recorded({ ...project, checkIn: { cycle } }, [unansweredWork(reference, cycle, at)]);
  }
  const checkIn = { cycle, sentAt: at.toISOString() };
  return recorded({ ...project, checkIn }, [followUpWork(reference, cycle, at, settings)]);
}

/** The follow-up's turn has come and gone, whether or not it reached the lead. */
function followedUp(checkIn: CheckIn): boolean {
  return Boolean(checkIn.followUpSentAt ?? checkIn.followUpNotSentAt);
}

/**
 * After the follow-up: the listing for the PPI team is planned a follow-up's wait later (at once if it did not go).
 * Only a follow-up that went is recorded as sent: one that could not reach the lead is recorded as not sent.
 */
export function followUpSettled(
  pir: Pir,
  project: Project,
  cycle: string,
  outcome: DeliveryOutcome,
  settings: CheckInSettings,
): ProjectChange | undefined {
  const checkIn = project.checkIn;
  if (outcome.status === 'cancelled' || checkIn?.cycle !== cycle || followedUp(checkIn)) return undefined;
  const at = new Date(outcome.at);
  const sent = outcome.status === 'sent';
  // Not sent (the lead cannot be reached): the PPI team is told now, not a wait later.
  const listing = unansweredWork(pir.reference ?? '', cycle, sent ? afterWait(at, settings) : at);
  const followUp = sent ? { followUpSentAt: at.toISOString() } : { followUpNotSentAt: at.toISOString() };
  return recorded({ ...project, checkIn: { ...checkIn, ...followUp } }, [listing]);
}

/** The project is listed for the PPI team (its channel was told, or it has none: the list shows it anyway). */
export function listedSettled(project: Project, cycle: string, outcome: DeliveryOutcome): ProjectChange | undefined {
  const checkIn = project.checkIn;
  if (outcome.status === 'cancelled' || checkIn?.cycle !== cycle || checkIn.listedAt) return undefined;
  return recorded({ ...project, checkIn: { ...checkIn, listedAt: outcome.at } });
}

/** How far ahead a project can be said to run on. */
const MAX_YEARS_AHEAD = 5;

/** Why the lead's new end date cannot be used, in a sentence for the form; undefined when it can. */
export function newEndDateProblem(to: string, now: Date): string | undefined {
  const today = londonDateKey(now);
  if (to <= today) return 'The new end date must be after today.';
  if (to > addLondonDays(today, 365 * MAX_YEARS_AHEAD)) return 'That is more than five years away: please check it.';
  return undefined;
}

/** "The project runs on until `to`": the end date moves (with the reason) and its check-in is planned for then. */
export function extended(
  pir: Pir,
  project: Project,
  move: { readonly to: string; readonly reason: string },
  by: Person,
  at: Date,
  settings: CheckInSettings,
): ProjectChange | undefined {
  const from = endDateOf(pir, project);
  if (!pir.reference || !isOpenProject(pir, project) || from === move.to) return undefined;
  const { checkIn: _previous, ...rest } = project;
  const moves = [...project.endDateMoves, { from: from ?? '', ...move, at: at.toISOString(), by }];
  return changed({ ...rest, endDate: move.to, endDateMoves: moves, plannedFor: move.to }, [
    checkInWork(pir.reference, move.to, settings.workingHours),
  ]);
}

/** "It stopped", with why: the project ends here (its check-ins are dropped when found). */
export function stopped(pir: Pir, project: Project, reason: string, by: Person, at: Date): ProjectChange | undefined {
  if (!isOpenProject(pir, project)) return undefined;
  const when = at.toISOString();
  return {
    ...changed({ ...project, stopped: { at: when, reason, by } }),
    index: { closedAt: when, outcome: 'stopped' },
  };
}

/**
 * What an acceptance plans (before the decision is saved): the project's index row and its check-in for the request's
 * end date. The daily sweep plans the same for a followed request whose check-in is not planned for its end date yet
 * (one accepted before the lifecycle existed, or just now), and records that it did.
 */
export function accepting(pir: Pir, project: Project, settings: CheckInSettings): ProjectChange | undefined {
  const end = endDateOf(pir, project);
  if (!pir.reference || !end || (!isOpenProject(pir, project) && pir.status !== 'submitted')) return undefined;
  return {
    project: { ...project, plannedFor: end },
    schedule: [checkInWork(pir.reference, end, settings.workingHours)],
    index: { open: true },
  };
}

/** The sweep's part: only a followed request whose check-in is not yet planned for its end date. */
export function needsPlanning(pir: Pir, project: Project): boolean {
  return isOpenProject(pir, project) && project.plannedFor !== endDateOf(pir, project);
}
