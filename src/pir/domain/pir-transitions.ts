import { type FormValue, isRequired, isUnanswered } from '../../forms/form-field.js';
import { answerChanges } from './answer-changes.js';
import { type CardRef, checkLeadCard } from './card-ref.js';
import {
  type Assessment,
  isEditable,
  type Person,
  type Pir,
  type PirAnswers,
  type PirStatus,
  type StepId,
  type Submission,
  submissionsOf,
} from './pir.js';
import { NO_LISTS, type PirLists, stepFields } from './step-fields.js';
import { nextPosition, previousStep, STEPS } from './steps.js';

/** Pure state changes of a request. Each returns a new Pir with the revision bumped. */

function touch(pir: Pir, now: Date, change: Partial<Pir>): Pir {
  return { ...pir, ...change, revision: pir.revision + 1, updatedAt: now.toISOString() };
}

export function startDraft(id: string, lead: Person, now: Date): Pir {
  const at = now.toISOString();
  return {
    id,
    lead,
    status: 'draft',
    position: 'basics',
    returnToReview: false,
    answers: {},
    revision: 1,
    createdAt: at,
    updatedAt: at,
    assessment: {},
  };
}

/** The requests a lead can carry on with (`continue`), most recently touched first. */
export function openRequests(pirs: readonly Pir[]): Pir[] {
  return pirs.filter(isEditable).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** A draft with nothing answered yet: starting a new request reuses it instead of piling up "Untitled" drafts. */
export function isEmptyDraft(pir: Pir): boolean {
  return pir.status === 'draft' && !pir.reference && Object.values(pir.answers).every((v) => isUnanswered(v));
}

/** Only a draft never submitted can be discarded (a request the PPI team has seen keeps its history). */
export function isDiscardable(pir: Pir): boolean {
  return pir.status === 'draft' && !pir.reference;
}

function sameAnswer(a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const [x, y] = [Array.isArray(a) ? a : [], Array.isArray(b) ? b : []];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a ?? '') === (b ?? '');
}

/**
 * A second click of a button whose move was already made (a double click): the request moved from exactly that
 * card (its revision and step) with that button, nothing has changed since, and the answers sent are the ones saved.
 */
export function isRepeatedMove(pir: Pir, card: CardRef, move: StepMove, answers: Partial<PirAnswers>): boolean {
  const last = pir.lastMove;
  if (!last || last.move !== move || last.fromRevision !== card.revision || last.step !== card.position) return false;
  if (pir.revision !== card.revision + 1 || !isEditable(pir)) return false;
  return Object.entries(answers).every(([key, value]) => sameAnswer(pir.answers[key as keyof PirAnswers], value));
}

export type StepMove = 'next' | 'back' | 'save';

export function answerStep(pir: Pir, step: StepId, changes: Partial<PirAnswers>, move: StepMove, now: Date): Pir {
  const answers = { ...pir.answers, ...changes };
  let position: StepId | 'review' = step;
  if (move === 'next') position = pir.returnToReview ? 'review' : nextPosition(step);
  if (move === 'back') position = pir.returnToReview ? 'review' : previousStep(step);
  return touch(pir, now, {
    answers,
    position,
    returnToReview: position === 'review' ? false : pir.returnToReview,
    lastMove: { fromRevision: pir.revision, step, move },
  });
}

export function editFromReview(pir: Pir, step: StepId, now: Date): Pir {
  return touch(pir, now, { position: step, returnToReview: true });
}

/** Steps whose required answers are missing, in order; empty when the request can be submitted. */
export function incompleteSteps(answers: PirAnswers): StepId[] {
  return STEPS.filter((s) =>
    stepFields(s.id, NO_LISTS).some((f) => isRequired(f, answers) && isUnanswered(answers[f.key])),
  ).map((s) => s.id);
}

/** Why the review card cannot be submitted as it stands; undefined when it can. */
export function submitBlocker(pir: Pir, ref: CardRef): 'not-editable' | 'out-of-date' | 'incomplete' | undefined {
  const check = checkLeadCard(pir, { ...ref, position: 'review' });
  if (check !== 'current') return check;
  return incompleteSteps(pir.answers).length > 0 ? 'incomplete' : undefined;
}

/** Submitted with `reference`, only if the request is still the revision reviewed and open; else undefined. */
export function submitted(
  current: Pir,
  reviewed: number,
  reference: string,
  now: Date,
  lists: PirLists,
): Pir | undefined {
  return current.revision === reviewed && isEditable(current) ? submitPir(current, reference, now, lists) : undefined;
}

/** The number the next submission of `pir` gets (1 for the first; a resubmission counts on). */
export function nextSubmission(pir: Pir): number {
  return submissionsOf(pir) + 1;
}

/**
 * The submission record: for a resubmission, the comment it answers and what changed since the assessed version
 * (named with the Trust's lists as they are now).
 */
function submissionOf(pir: Pir, now: Date, lists: PirLists): Submission {
  const number = nextSubmission(pir);
  if (number === 1) return { number, at: now.toISOString() };
  return {
    number,
    at: now.toISOString(),
    ...(pir.assessment.comment ? { previousComment: pir.assessment.comment } : {}),
    ...(pir.submittedAnswers ? { changes: answerChanges(pir.submittedAnswers, pir.answers, lists) } : {}),
  };
}

export function submitPir(pir: Pir, reference: string, now: Date, lists: PirLists): Pir {
  return touch(pir, now, {
    status: 'submitted',
    position: 'review',
    returnToReview: false,
    reference,
    submittedAt: now.toISOString(),
    submission: submissionOf(pir, now, lists),
    submittedAnswers: pir.answers,
    assessment: {
      ...pir.assessment,
      decidedBy: undefined,
      decidedAt: undefined,
      comment: undefined,
      conditions: undefined,
    },
  });
}

export type Decision = 'accept' | 'accept-with-conditions' | 'request-changes' | 'decline';

export const DECISION_STATUS: Readonly<Record<Decision, PirStatus>> = {
  accept: 'accepted',
  'accept-with-conditions': 'accepted-with-conditions',
  'request-changes': 'changes-requested',
  decline: 'declined',
};

export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  accept: 'Accepted',
  'accept-with-conditions': 'Accepted with conditions',
  'request-changes': 'Changes requested',
  decline: 'Declined',
};

export const DECISION_BUTTONS: Readonly<Record<Decision, string>> = {
  accept: 'Accept',
  'accept-with-conditions': 'Accept with conditions',
  'request-changes': 'Request changes',
  decline: 'Decline',
};

export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && value in DECISION_STATUS;
}

/** A decision needs a comment except an accept (with conditions, the conditions say it). */
export function decisionNeedsComment(decision: Decision): boolean {
  return decision !== 'accept' && decision !== 'accept-with-conditions';
}

export function decide(
  pir: Pir,
  decision: Decision,
  by: Person,
  details: Omit<Assessment, 'decidedBy' | 'decidedAt'>,
  now: Date,
): Pir {
  const status = DECISION_STATUS[decision];
  return touch(pir, now, {
    status,
    position: status === 'changes-requested' ? 'review' : pir.position,
    assessment: { ...pir.assessment, ...details, decidedBy: by, decidedAt: now.toISOString() },
  });
}

export function assign(pir: Pir, assignee: Person, now: Date): Pir {
  return touch(pir, now, { assessment: { ...pir.assessment, assignee } });
}

export function isAwaitingAssessment(pir: Pir): boolean {
  return pir.status === 'submitted';
}
