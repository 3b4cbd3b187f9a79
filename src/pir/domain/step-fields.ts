import type { FormField, FormSpec, FormValues } from '../../forms/form-field.js';
import { referenceData } from '../../reference-data/reference-data.js';
import type { PirAnswers, StepId } from './pir.js';

export type AnswerKey = keyof PirAnswers;

/** A question of the request: a form field whose key is one of the answers. */
export interface StepField extends FormField {
  readonly key: AnswerKey;
}

export const TITLE_MAX = 150;
export const TEXT_MAX = 2000;

const count = (value: FormValues[string]) => (Array.isArray(value) ? value.length : 0);

/** Any patient group chosen as disproportionately affected (step "equality"). */
export function anyEqualityGroupChosen(answers: FormValues): boolean {
  return count(answers.protectedCharacteristics) + count(answers.seldomHeardGroups) > 0;
}

/** Every question of the request, per step. The card builder and the validator both read this table. */
export const STEP_FIELDS: Readonly<Record<StepId, readonly StepField[]>> = {
  basics: [
    { key: 'title', label: 'Project title', kind: 'text', required: true, minLength: 3, maxLength: TITLE_MAX },
    {
      key: 'directorate',
      label: 'Directorate or clinical management group',
      kind: 'choice',
      required: true,
      choices: referenceData.directorates,
    },
    {
      key: 'qualityPriority',
      label: 'Quality Strategy priority it serves',
      kind: 'choice',
      required: true,
      choices: referenceData.qualityPriorities,
    },
    { key: 'startDate', label: 'Start date', kind: 'date', required: true },
    { key: 'endDate', label: 'Expected end date', kind: 'date', required: true },
  ],
  intelligence: [
    {
      key: 'intelligence',
      label: 'What intelligence have you captured from patients about what is happening in the service?',
      kind: 'longtext',
      required: true,
      minLength: 10,
      maxLength: TEXT_MAX,
    },
  ],
  groups: [
    {
      key: 'groupsAffected',
      label: 'Which patient or carer groups will be affected by the project?',
      kind: 'longtext',
      required: true,
      minLength: 3,
      maxLength: TEXT_MAX,
    },
  ],
  involvement: [
    {
      key: 'involvement',
      label: 'How will you involve patients, their families and carers in this work?',
      kind: 'longtext',
      required: true,
      minLength: 10,
      maxLength: TEXT_MAX,
    },
  ],
  influence: [
    {
      key: 'rung',
      label: 'Scope for patient input to influence the outcome (ladder of engagement)',
      kind: 'choice',
      required: true,
      choices: referenceData.ladderRungs,
    },
    {
      key: 'notOpenToInfluence',
      label: 'Which decisions are not open to patient influence?',
      kind: 'longtext',
      required: true,
      minLength: 2,
      maxLength: TEXT_MAX,
    },
    {
      key: 'whoDecides',
      label: 'Who makes those decisions?',
      kind: 'text',
      required: true,
      minLength: 2,
      maxLength: 300,
    },
  ],
  equality: [
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
  ],
  plans: [
    {
      key: 'equalityPlans',
      label: 'What are your plans to engage with these groups?',
      kind: 'longtext',
      required: anyEqualityGroupChosen,
      minLength: 10,
      maxLength: TEXT_MAX,
    },
  ],
  support: [
    {
      key: 'support',
      label: 'Support you would like from the PPI team',
      kind: 'multi',
      required: false,
      choices: referenceData.ppiSupportOptions,
    },
    {
      key: 'supportNotes',
      label: 'Anything else the PPI team should know?',
      kind: 'longtext',
      required: false,
      maxLength: TEXT_MAX,
    },
  ],
};

/** The groups chosen on the equality step, by name ("Age, Carers"). */
export function equalityGroupNames(answers: FormValues): string[] {
  const names = (ids: FormValues[string], choices: typeof referenceData.protectedCharacteristics) =>
    (Array.isArray(ids) ? ids : []).map((id) => choices.find((c) => c.id === id)?.label ?? id);
  return [
    ...names(answers.protectedCharacteristics, referenceData.protectedCharacteristics),
    ...names(answers.seldomHeardGroups, referenceData.seldomHeardGroups),
  ];
}

/** The plans step's introduction: the groups chosen, by name, or that none was chosen and it can stay empty. */
export function plansIntro(answers: FormValues): string {
  const names = equalityGroupNames(answers);
  return names.length > 0
    ? `You chose: ${names.join(', ')}. How will you reach and involve them?`
    : 'You did not choose any group that may be disproportionately affected, so you can leave this empty.';
}

/** Each step as a form: its questions, and for the basics the dates in order. */
export function stepForm(step: StepId): FormSpec {
  return {
    fields: STEP_FIELDS[step],
    ...(step === 'basics'
      ? {
          check: (v: FormValues) =>
            typeof v.startDate === 'string' && typeof v.endDate === 'string' && v.endDate < v.startDate
              ? [{ key: 'endDate', message: 'The expected end date must be on or after the start date.' }]
              : [],
        }
      : {}),
  };
}
