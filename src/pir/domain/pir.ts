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
  readonly protectedCharacteristics?: readonly string[];
  readonly seldomHeardGroups?: readonly string[];
  readonly equalityPlans?: string;
  readonly support?: readonly string[];
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
  readonly decidedBy?: Person;
  readonly decidedAt?: string;
  readonly comment?: string;
  /** "Accept with conditions": what the lead must do, one condition each (the lead marks them met; src/lifecycle/). */
  readonly conditions?: readonly string[];
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
  /** The assessment card in the PPI team channel, to update it in place. */
  readonly assessmentCardId?: string;
  /**
   * After acceptance: the project's dates, check-in, conditions met and close-out. Its shape belongs to src/lifecycle/,
   * which reads it tolerantly (requests stored before it existed have none).
   */
  readonly project?: unknown;
}

export const OPEN_FOR_EDIT: readonly PirStatus[] = ['draft', 'changes-requested'];

export function isEditable(pir: Pir): boolean {
  return OPEN_FOR_EDIT.includes(pir.status);
}

export const STATUS_LABELS: Readonly<Record<PirStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted – awaiting PPI team assessment',
  'changes-requested': 'Changes requested by the PPI team',
  accepted: 'Accepted',
  'accepted-with-conditions': 'Accepted with conditions',
  declined: 'Declined',
};
