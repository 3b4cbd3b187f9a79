import { isRequired, isUnanswered } from '../../forms/form-field.js';
import type { Person, Pir } from '../../pir/domain/pir.js';
import { CLOSE_OUT_STEPS, closeOutFields, nextCloseOutPosition, previousCloseOutStep } from './close-out-steps.js';
import { roundWork } from './lifecycle-work.js';
import type { CloseOut, CloseOutAnswers, CloseOutStepId, Evaluation, Project } from './project.js';
import { changed, type ProjectChange } from './project-change.js';
import { isOpenProject } from './stage.js';

/** The lead can write in it: new, or sent back by the PPI team for more. */
export function isCloseOutEditable(closeOut: CloseOut | undefined): boolean {
  return closeOut === undefined || closeOut.status === 'draft' || closeOut.status === 'more-asked';
}

/** Why the lead cannot open the close-out, as a kind of refusal; undefined when they can. */
export function closeOutRefusal(
  pir: Pir,
  project: Project,
): 'not-accepted' | 'closed' | 'stopped' | 'with-ppi-team' | undefined {
  if (pir.status !== 'accepted' && pir.status !== 'accepted-with-conditions') return 'not-accepted';
  if (project.closeOut?.status === 'accepted') return 'closed';
  if (project.stopped) return 'stopped';
  return project.closeOut?.status === 'submitted' ? 'with-ppi-team' : undefined;
}

/** The close-out started at its first step. */
export function started(project: Project, at: Date): ProjectChange {
  const now = at.toISOString();
  const closeOut: CloseOut = {
    status: 'draft',
    position: 'aim',
    returnToReview: false,
    answers: {},
    startedAt: now,
    updatedAt: now,
    round: 0,
    reviews: [],
  };
  return changed({ ...project, closeOut });
}

export type CloseOutMove = 'next' | 'back' | 'save';

function touched(project: Project, closeOut: CloseOut, at: Date): ProjectChange {
  return changed({ ...project, closeOut: { ...closeOut, updatedAt: at.toISOString() } });
}

/** A step's answers saved, and the close-out moved on (or back, or left where it is). */
export function answeredStep(
  project: Project,
  step: CloseOutStepId,
  changes: CloseOutAnswers,
  move: CloseOutMove,
  at: Date,
): ProjectChange | undefined {
  const closeOut = project.closeOut;
  if (!closeOut || !isCloseOutEditable(closeOut)) return undefined;
  const toReview = closeOut.returnToReview && move !== 'save';
  const position = toReview
    ? 'review'
    : move === 'next'
      ? nextCloseOutPosition(step)
      : move === 'back'
        ? previousCloseOutStep(step)
        : step;
  const answers = { ...closeOut.answers, ...changes };
  return touched(
    project,
    { ...closeOut, answers, position, returnToReview: position !== 'review' && closeOut.returnToReview },
    at,
  );
}

/** Edit on the review card: that step, then back to the review. */
export function editingStep(project: Project, step: CloseOutStepId, at: Date): ProjectChange | undefined {
  const closeOut = project.closeOut;
  if (!closeOut || !isCloseOutEditable(closeOut)) return undefined;
  return touched(project, { ...closeOut, position: step, returnToReview: true }, at);
}

/** Steps whose required answers are missing, in order; empty when the close-out can be sent. */
export function incompleteCloseOutSteps(answers: CloseOutAnswers): CloseOutStepId[] {
  return CLOSE_OUT_STEPS.filter((s) =>
    closeOutFields(s.id).some((f) => isRequired(f, answers) && isUnanswered(answers[f.key])),
  ).map((s) => s.id);
}

/** Sent to the PPI team for review (a new round): its review card is posted at once. */
export function submitted(pir: Pir, project: Project, at: Date): ProjectChange | undefined {
  const closeOut = project.closeOut;
  if (!pir.reference || !isOpenProject(pir, project) || !closeOut || !isCloseOutEditable(closeOut)) return undefined;
  if (incompleteCloseOutSteps(closeOut.answers).length > 0) return undefined;
  const round = closeOut.round + 1;
  const now = at.toISOString();
  const next: CloseOut = {
    ...closeOut,
    status: 'submitted',
    position: 'review',
    returnToReview: false,
    round,
    submittedAt: now,
    updatedAt: now,
  };
  return changed({ ...project, closeOut: next }, [roundWork('review', pir.reference, round, at)]);
}

/**
 * The PPI team's decision on round `round`: accepted (the request is closed) or more asked for (with a comment; the
 * lead can change it and send it again). Only the round on the card, while it is with the PPI team.
 */
export function reviewed(
  pir: Pir,
  project: Project,
  round: number,
  decision: {
    readonly accept: boolean;
    readonly comment?: string;
    readonly evaluation?: Omit<Evaluation, 'by' | 'at'>;
  },
  by: Person,
  at: Date,
): ProjectChange | undefined {
  const closeOut = project.closeOut;
  if (!pir.reference || closeOut?.status !== 'submitted' || closeOut.round !== round) return undefined;
  const now = at.toISOString();
  const review = {
    round,
    decision: decision.accept ? ('accepted' as const) : ('more-asked' as const),
    by,
    at: now,
    ...(decision.comment ? { comment: decision.comment } : {}),
  };
  const evaluation = withEvaluation(closeOut, decision.evaluation, by, at);
  const next: CloseOut = {
    ...closeOut,
    status: decision.accept ? 'accepted' : 'more-asked',
    updatedAt: now,
    reviews: [...closeOut.reviews, review],
    ...(decision.accept ? { closedAt: now } : {}),
    ...(evaluation ? { evaluation } : {}),
  };
  return {
    ...changed({ ...project, closeOut: next }, [roundWork('decision', pir.reference, round, at)]),
    ...(decision.accept ? { index: { closedAt: now, outcome: 'closed' as const } } : {}),
  };
}

function withEvaluation(
  closeOut: CloseOut,
  given: Omit<Evaluation, 'by' | 'at'> | undefined,
  by: Person,
  at: Date,
): Evaluation | undefined {
  if (!given || (given.own === undefined && given.wider === undefined)) return undefined;
  const kept = closeOut.evaluation;
  return {
    ...(kept?.own !== undefined ? { own: kept.own } : {}),
    ...(kept?.wider !== undefined ? { wider: kept.wider } : {}),
    ...(given.own !== undefined ? { own: given.own } : {}),
    ...(given.wider !== undefined ? { wider: given.wider } : {}),
    by,
    at: at.toISOString(),
  };
}

/** The Patient Partners' evaluation saved (by the PPI team, on their behalf), before or after the close-out is accepted. */
export function evaluated(
  project: Project,
  given: Omit<Evaluation, 'by' | 'at'>,
  by: Person,
  at: Date,
): ProjectChange | undefined {
  const closeOut = project.closeOut;
  if (!closeOut || (closeOut.status !== 'submitted' && closeOut.status !== 'accepted')) return undefined;
  const evaluation = withEvaluation(closeOut, given, by, at);
  return evaluation ? changed({ ...project, closeOut: { ...closeOut, evaluation } }) : undefined;
}
