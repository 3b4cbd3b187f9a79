import type { FormSpec, FormValues } from '../../forms/form-field.js';
import { referenceData } from '../../reference-data/reference-data.js';
import type { Assessment, Person } from './pir.js';
import { decisionNeedsComment, isDecision } from './pir-transitions.js';

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
      choices: referenceData.ladderRungs,
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

/** The assessment details a decision records, from DECISION_FORM's values (conditions only when accepting with them). */
export function decisionDetails(values: FormValues, decision?: string): Omit<Assessment, 'decidedBy' | 'decidedAt'> {
  const { comment, expectedRung, agreedSupport, conditions } = values;
  const withConditions = decision === 'accept-with-conditions' && typeof conditions === 'string';
  return {
    ...(typeof comment === 'string' ? { comment } : {}),
    ...(typeof expectedRung === 'string' ? { expectedRung } : {}),
    agreedSupport: Array.isArray(agreedSupport) ? agreedSupport : [],
    ...(withConditions ? { conditions: splitConditions(conditions) } : {}),
  };
}
