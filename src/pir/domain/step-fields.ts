import type { FormError, FormField, FormSpec, FormValues } from '../../forms/form-field.js';
import { type ListEntry, referenceData, rungChoices } from '../../reference-data/reference-data.js';
import { offered } from '../../trust-lists/domain/list-entries.js';
import type { PirAnswers, StepId } from './pir.js';

export type AnswerKey = keyof PirAnswers;

/** A question of the request: a form field whose key is one of the answers. */
export interface StepField extends FormField {
  readonly key: AnswerKey;
}

/** The Trust's own lists a request uses, as they are now (retired entries kept, so old answers keep their names). */
export interface PirLists {
  readonly directorates: readonly ListEntry[];
  readonly qualityPriorities: readonly ListEntry[];
}

/** For the checks that read only which questions are answered, not the choices on offer. */
export const NO_LISTS: PirLists = { directorates: [], qualityPriorities: [] };

export const TITLE_MAX = 150;
export const TEXT_MAX = 2000;

/** The six questions of the request, as the PPI strategy asks them. */
export const PIR_QUESTIONS = {
  intelligence: 'What intelligence have you captured from patients about what is happening in the service?',
  groups: 'Which patient / carer groups will be affected by the project?',
  involvement: 'How will you involve patients, their families and carers in this work?',
  influence: 'What will be the scope for patient input to influence the outcome of the project?',
  disproportionate: 'Will any patient group be disproportionately affected by the project?',
  plans: 'If so, what are your plans to engage with this group?',
} as const;

/** Question 5's answers. */
export const DISPROPORTIONATE_ANSWERS = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
  { id: 'not-sure', label: 'Not sure' },
] as const;

/** Asked when Patient Partners are requested (the toolkit's checklist for partnership working). */
export const PARTNER_COMMITMENT_QUESTION = 'Will there be regular meetings or just a one-off?';
export const PARTNER_COMMITMENTS = [
  { id: 'regular', label: 'Regular meetings' },
  { id: 'one-off', label: 'Just a one-off' },
] as const;

const count = (value: FormValues[string]) => (Array.isArray(value) ? value.length : 0);

/** Any patient group chosen as disproportionately affected (step "equality"). */
export function anyEqualityGroupChosen(answers: FormValues): boolean {
  return count(answers.protectedCharacteristics) + count(answers.seldomHeardGroups) > 0;
}

/** Question 5 answered yes, or (requests saved before it was asked) groups were chosen. */
export function disproportionatelyAffected(answers: FormValues): boolean {
  return (
    answers.disproportionate === 'yes' || (answers.disproportionate === undefined && anyEqualityGroupChosen(answers))
  );
}

/** Patient Partners are among the support asked for. */
export function partnersRequested(answers: FormValues): boolean {
  const support = answers.support;
  return Array.isArray(support) && support.includes('patient-partners');
}

const longText = (key: AnswerKey, label: string, minLength: number): StepField => ({
  key,
  label,
  kind: 'longtext',
  required: true,
  minLength,
  maxLength: TEXT_MAX,
});

/** Every question of the request, per step, with the Trust's lists as they are now. Cards and the validator read this. */
export function stepFields(step: StepId, lists: PirLists): readonly StepField[] {
  switch (step) {
    case 'basics':
      return [
        { key: 'title', label: 'Project title', kind: 'text', required: true, minLength: 3, maxLength: TITLE_MAX },
        {
          key: 'directorate',
          label: 'Directorate or clinical management group',
          kind: 'choice',
          required: true,
          choices: offered(lists.directorates),
        },
        {
          key: 'qualityPriority',
          label: 'Quality Strategy priority it serves',
          hint: 'The PPI team keeps this list. If yours is missing, choose the nearest and say which in the last step.',
          kind: 'choice',
          required: true,
          choices: offered(lists.qualityPriorities),
        },
        { key: 'startDate', label: 'Start date', kind: 'date', required: true },
        { key: 'endDate', label: 'Expected end date', kind: 'date', required: true },
      ];
    case 'intelligence':
      return [longText('intelligence', PIR_QUESTIONS.intelligence, 10)];
    case 'groups':
      return [longText('groupsAffected', PIR_QUESTIONS.groups, 3)];
    case 'involvement':
      return [longText('involvement', PIR_QUESTIONS.involvement, 10)];
    case 'influence':
      return [
        {
          key: 'rung',
          label: PIR_QUESTIONS.influence,
          hint: 'Choose the rung of the ladder of engagement that fits. Type **ladder** to see every rung.',
          kind: 'choice',
          expanded: true,
          required: true,
          choices: rungChoices(),
        },
        longText('notOpenToInfluence', 'Which decisions are not open to patient influence?', 2),
        {
          key: 'whoDecides',
          label: 'Who makes those decisions?',
          kind: 'text',
          required: true,
          minLength: 2,
          maxLength: 300,
        },
      ];
    case 'equality':
      return [
        {
          key: 'disproportionate',
          label: PIR_QUESTIONS.disproportionate,
          kind: 'choice',
          expanded: true,
          required: true,
          choices: DISPROPORTIONATE_ANSWERS,
        },
        {
          key: 'howAffected',
          label: 'How might they be affected?',
          kind: 'longtext',
          required: (answers) => answers.disproportionate === 'yes',
          requiredNote: 'if you answered yes',
          minLength: 10,
          maxLength: TEXT_MAX,
        },
        {
          key: 'protectedCharacteristics',
          label: 'Protected characteristics (Equality Act 2010)',
          kind: 'multi',
          required: false,
          choices: referenceData.protectedCharacteristics,
        },
        {
          key: 'seldomHeardGroups',
          label: 'Seldom-heard groups',
          kind: 'multi',
          required: false,
          choices: referenceData.seldomHeardGroups,
        },
      ];
    case 'plans':
      return [
        {
          ...longText('equalityPlans', PIR_QUESTIONS.plans, 10),
          required: disproportionatelyAffected,
        },
      ];
    case 'support':
      return [
        {
          key: 'support',
          label: 'Support you would like from the PPI team',
          kind: 'multi',
          required: false,
          choices: referenceData.ppiSupportOptions,
        },
        {
          key: 'partnerRole',
          label: 'What will the Patient Partners’ role be?',
          hint: 'For example: members of the project group who challenge and help shape the plans.',
          kind: 'longtext',
          required: partnersRequested,
          requiredNote: 'if you ask for Patient Partners',
          minLength: 10,
          maxLength: 1000,
        },
        {
          key: 'partnerCommitment',
          label: PARTNER_COMMITMENT_QUESTION,
          kind: 'choice',
          expanded: true,
          required: partnersRequested,
          requiredNote: 'if you ask for Patient Partners',
          choices: PARTNER_COMMITMENTS,
        },
        {
          key: 'partnerMeetings',
          label: 'When and how will they meet?',
          hint: 'For example: monthly for 90 minutes, online; or one workshop in March.',
          kind: 'text',
          required: partnersRequested,
          requiredNote: 'if you ask for Patient Partners',
          minLength: 3,
          maxLength: 300,
        },
        {
          key: 'supportNotes',
          label: 'Anything else the PPI team should know?',
          kind: 'longtext',
          required: false,
          maxLength: TEXT_MAX,
        },
      ];
  }
}

/** The groups chosen on the equality step, by name ("Age, Carers"). */
export function equalityGroupNames(answers: FormValues): string[] {
  const names = (ids: FormValues[string], choices: typeof referenceData.protectedCharacteristics) =>
    (Array.isArray(ids) ? ids : []).map((id) => choices.find((c) => c.id === id)?.label ?? id);
  return [
    ...names(answers.protectedCharacteristics, referenceData.protectedCharacteristics),
    ...names(answers.seldomHeardGroups, referenceData.seldomHeardGroups),
  ];
}

/**
 * The plans step's introduction: the groups chosen, by name; that some group may be affected (question 5 answered
 * yes without choosing one); or that none will be and it can stay empty.
 */
export function plansIntro(answers: FormValues): string {
  const names = equalityGroupNames(answers);
  if (names.length > 0) return `You chose: ${names.join(', ')}. How will you reach and involve them?`;
  return disproportionatelyAffected(answers)
    ? 'You said a patient group may be disproportionately affected. How will you reach and involve them?'
    : 'You did not say that any group will be disproportionately affected, so you can leave this empty.';
}

function checkBasics(v: FormValues): FormError[] {
  return typeof v.startDate === 'string' && typeof v.endDate === 'string' && v.endDate < v.startDate
    ? [{ key: 'endDate', message: 'The expected end date must be on or after the start date.' }]
    : [];
}

function checkEquality(v: FormValues): FormError[] {
  return v.disproportionate === 'no' && anyEqualityGroupChosen(v)
    ? [
        {
          key: 'disproportionate',
          message: 'You chose groups below: answer “Yes” or “Not sure”, or clear the groups.',
        },
      ]
    : [];
}

/** Each step as a form: its questions, and the rules across them (dates in order; groups only with yes or not sure). */
export function stepForm(step: StepId, lists: PirLists): FormSpec {
  const check = step === 'basics' ? checkBasics : step === 'equality' ? checkEquality : undefined;
  return { fields: stepFields(step, lists), ...(check ? { check } : {}) };
}
