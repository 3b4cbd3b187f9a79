import type { FormField, FormSpec, FormValues } from '../../forms/form-field.js';
import { referenceData, rungChoices } from '../../reference-data/reference-data.js';
import type { Assessment, Person } from './pir.js';
import { decisionNeedsComment, isDecision } from './pir-transitions.js';

/** How the PPI team rates a request against each criterion for Patient Partner involvement. */
export const CRITERION_RATINGS = [
  { id: 'high', label: 'High' },
  { id: 'medium', label: 'Medium' },
  { id: 'low', label: 'Low' },
] as const;

const criterionKey = (id: string) => `criterion-${id}`;

/** The three criteria the PPI team applies to a request for Patient Partner involvement, as the strategy words them. */
export const CRITERIA_FIELDS: readonly FormField[] = referenceData.assessmentCriteria.map((c, i) => ({
  key: criterionKey(c.id),
  label: `${String.fromCharCode(97 + i)}) ${c.label}`,
  kind: 'choice',
  required: false,
  choices: CRITERION_RATINGS,
}));

/** The PPI team's decision on the assessment card: a comment for the lead (unless a plain accept), rung, support. */
export const DECISION_FORM: FormSpec = {
  fields: [
    {
      key: 'comment',
      label: 'Comment for the project lead',
      requiredNote: 'to request changes or decline',
      kind: 'longtext',
      required: (known) => isDecision(known.decision) && decisionNeedsComment(known.decision),
      minLength: 3,
      maxLength: 1000,
    },
    ...CRITERIA_FIELDS,
    {
      key: 'conditions',
      label: 'Conditions the lead must meet (one per line)',
      requiredNote: 'to accept with conditions',
      hint: 'The lead marks each one met.',
      kind: 'longtext',
      required: (known) => known.decision === 'accept-with-conditions',
      minLength: 3,
      maxLength: 2000,
    },
    {
      key: 'expectedRung',
      label: 'Expected involvement (ladder of engagement)',
      kind: 'choice',
      required: false,
      choices: rungChoices(),
    },
    {
      key: 'agreedSupport',
      label: 'Support the PPI team will give',
      kind: 'multi',
      required: false,
      choices: referenceData.ppiSupportOptions,
    },
  ],
};

/** Who a request can be assigned to: the PPI team's active members. */
export function assignForm(members: readonly Person[]): FormSpec {
  if (members.length === 0) return { fields: [] };
  const choices = members.map((m) => ({ id: m.id, label: m.name }));
  return { fields: [{ key: 'assigneeId', label: 'Assign to', kind: 'choice', required: true, choices }] };
}

const MAX_CONDITIONS = 10;

/** Conditions typed one per line (bullets and numbering dropped), at most ten. */
export function splitConditions(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '')
    .slice(0, MAX_CONDITIONS);
}

/** The criteria as the card's inputs hold them (criterion id → rating id), from a stored assessment. */
export function criteriaValues(assessment: Assessment): FormValues {
  return Object.fromEntries(
    Object.entries(assessment.criteria ?? {}).map(([id, rating]) => [criterionKey(id), rating]),
  );
}

/**
 * The assessment details a decision records, from DECISION_FORM's values: the criteria rated, and the conditions only
 * when accepting with them.
 */
export function decisionDetails(values: FormValues, decision?: string): Omit<Assessment, 'decidedBy' | 'decidedAt'> {
  const { comment, expectedRung, agreedSupport, conditions } = values;
  const withConditions = decision === 'accept-with-conditions' && typeof conditions === 'string';
  const criteria = Object.fromEntries(
    referenceData.assessmentCriteria.flatMap((c) => {
      const rating = values[criterionKey(c.id)];
      return typeof rating === 'string' ? [[c.id, rating]] : [];
    }),
  );
  return {
    ...(typeof comment === 'string' ? { comment } : {}),
    ...(Object.keys(criteria).length > 0 ? { criteria } : {}),
    ...(typeof expectedRung === 'string' ? { expectedRung } : {}),
    agreedSupport: Array.isArray(agreedSupport) ? agreedSupport : [],
    ...(withConditions ? { conditions: splitConditions(conditions) } : {}),
  };
}

/** "a) The project's relevance to the Quality Strategy: High", one per criterion rated. */
export function criteriaLines(assessment: Assessment): { label: string; value: string }[] {
  return CRITERIA_FIELDS.flatMap((f) => {
    const id = f.key.replace(/^criterion-/, '');
    const rating = CRITERION_RATINGS.find((r) => r.id === assessment.criteria?.[id]);
    return rating ? [{ label: f.label, value: rating.label }] : [];
  });
}
