import type { Assessment, Person, Pir } from './pir.js';
import { assign, type Decision, decide, isAwaitingAssessment, isDecision } from './pir-transitions.js';

export const ALREADY_DECIDED = 'This request has already been decided.';

/** Why a decision button cannot be used on this request, as the notice to show; undefined when it can. */
export function decisionRefusal(pir: Pir, decision: unknown): string | undefined {
  if (!isDecision(decision)) return 'That button is out of date.';
  return isAwaitingAssessment(pir) ? undefined : ALREADY_DECIDED;
}

/**
 * The decision applied to the request as stored, only if it still awaits assessment under the reference it had
 * when the card was read (a resubmission is a new assessment); undefined when someone decided first.
 */
export function decided(
  current: Pir,
  reference: string | undefined,
  decision: Decision,
  by: Person,
  details: Omit<Assessment, 'decidedBy' | 'decidedAt'>,
  now: Date,
): Pir | undefined {
  return isAwaitingAssessment(current) && current.reference === reference
    ? decide(current, decision, by, details, now)
    : undefined;
}

/** The notice for the PPI team member whose decision came second. */
export function decidedFirstNotice(latest: Pir): string {
  return `${latest.assessment.decidedBy?.name ?? 'Someone'} decided this first, so your decision was not recorded.`;
}

/** Who a request goes to: the person clicking "Assign to me", or the active member chosen (undefined if none is). */
export function assigneeOf(
  toSelf: boolean,
  actor: Person,
  members: readonly Person[],
  chosenId: unknown,
): Person | undefined {
  return toSelf ? actor : members.find((m) => m.id === chosenId);
}

/** Assigned, while the request still awaits assessment; undefined once it is decided. */
export function assigned(current: Pir, assignee: Person, now: Date): Pir | undefined {
  return isAwaitingAssessment(current) ? assign(current, assignee, now) : undefined;
}
