import type { ConversationRef } from '../../bot/turn.js';

/** The Patient Involvement Request (seed 000 §8.2–8.5): a project lead's answers and where the request stands. */

export type PirStatus =
  | 'draft'
  | 'submitted'
  | 'changes-requested'
  | 'accepted'
  | 'accepted-with-conditions'
  | 'declined';

export type StepId =
  | 'basics'
  | 'intelligence'
  | 'groups'
  | 'involvement'
  | 'influence'
  | 'equality'
  | 'plans'
  | 'support';

/** A type, not an interface, so that answers are form values (FormValues) as they are. */
export type PirAnswers = {
  readonly title?: string;
  readonly directorate?: string;
  readonly qualityPriority?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly intelligence?: string;
  readonly groupsAffected?: string;
  readonly involvement?: string;
  readonly rung?: string;
  readonly notOpenToInfluence?: string;
  readonly whoDecides?: string;
  /** Question 5: 'yes', 'no' or 'not-sure' (requests saved before the question was asked have none). */
  readonly disproportionate?: string;
  /** When question 5 is yes: how the groups might be affected (the Equality Impact Assessment element). */
  readonly howAffected?: string;
  readonly protectedCharacteristics?: readonly string[];
  readonly seldomHeardGroups?: readonly string[];
  readonly equalityPlans?: string;
  readonly support?: readonly string[];
  /** When Patient Partners are requested: their role, one-off or regular meetings, and the meeting pattern. */
  readonly partnerRole?: string;
  readonly partnerCommitment?: string;
  readonly partnerMeetings?: string;
  readonly supportNotes?: string;
};

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface Assessment {
  readonly assignee?: Person;
  readonly expectedRung?: string;
  readonly agreedSupport?: readonly string[];
  /** The PPI team's judgement on each criterion for Patient Partner involvement (criterion id → rating id). */
  readonly criteria?: Readonly<Record<string, string>>;
  readonly decidedBy?: Person;
  readonly decidedAt?: string;
  readonly comment?: string;
  /** "Accept with conditions": what the lead must do, one condition each (the lead marks them met; src/lifecycle/). */
  readonly conditions?: readonly string[];
}

/** One answer that changed between the version the PPI team assessed and a resubmission, in plain words. */
export interface AnswerChange {
  readonly section: string;
  readonly question: string;
  readonly before: string;
  readonly after: string;
}

/** One time the request went to the PPI team: the first submission (1), or a resubmission after changes (2, 3…). */
export interface Submission {
  readonly number: number;
  readonly at: string;
  /** A resubmission: the PPI team's comment it answers, and what changed since the version they assessed. */
  readonly previousComment?: string;
  /** Undefined when the earlier version's answers were not kept (requests submitted before this was recorded). */
  readonly changes?: readonly AnswerChange[];
}

/** A card the bot posted in the PPI team's channel: where, and its activity id (to update it or reply under it). */
export interface PostedCard {
  readonly activityId: string;
  readonly conversation: ConversationRef;
  /** The submission the card was posted for. */
  readonly submission: number;
}

export interface Pir {
  readonly id: string;
  readonly lead: Person;
  readonly status: PirStatus;
  /** Where a draft stands: a step, or the review. */
  readonly position: StepId | 'review';
  /** Editing from the review: Next returns to the review. */
  readonly returnToReview: boolean;
  readonly answers: PirAnswers;
  /** Bumped on every change; cards carry it so an old card or a double click is recognised. */
  readonly revision: number;
  readonly reference?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt?: string;
  readonly assessment: Assessment;
  /** The latest submission (set by every submit). */
  readonly submission?: Submission;
  /** The answers as the PPI team last received them: what a resubmission is compared with. */
  readonly submittedAnswers?: PirAnswers;
  /** The latest assessment card in the PPI team's channel, updated in place after each decision or assignment. */
  readonly assessmentPost?: PostedCard;
  /** The first submission's card: resubmissions are posted as replies under it. */
  readonly assessmentThread?: PostedCard;
  /** Older requests: the assessment card's id in the current PPI team channel (read only; see `assessmentPost`). */
  readonly assessmentCardId?: string;
  /**
   * After acceptance: the project's dates, check-in, conditions met and close-out. Its shape belongs to src/lifecycle/,
   * which reads it tolerantly (requests stored before it existed have none).
   */
  readonly project?: unknown;
  /** The last Next, Back or Save on a step: a second click of the same card (a double click) gets the same outcome. */
  readonly lastMove?: LastMove;
}

/** Which card's button moved the request last: its revision and step, and the button. */
export interface LastMove {
  readonly fromRevision: number;
  readonly step: StepId;
  readonly move: 'next' | 'back' | 'save';
}

/** How many times the request went to the PPI team (older requests with a reference count as once). */
export function submissionsOf(pir: Pir): number {
  return pir.submission?.number ?? (pir.reference ? 1 : 0);
}

export const OPEN_FOR_EDIT: readonly PirStatus[] = ['draft', 'changes-requested'];

export function isEditable(pir: Pir): boolean {
  return OPEN_FOR_EDIT.includes(pir.status);
}

/** On the PPI team's queue: awaiting their assessment, or sent back to the lead for changes. */
export function isOpenForPpiTeam(pir: Pir): boolean {
  return pir.status === 'submitted' || pir.status === 'changes-requested';
}

export const STATUS_LABELS: Readonly<Record<PirStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted – awaiting PPI team assessment',
  'changes-requested': 'Changes requested by the PPI team',
  accepted: 'Accepted',
  'accepted-with-conditions': 'Accepted with conditions',
  declined: 'Declined',
};
