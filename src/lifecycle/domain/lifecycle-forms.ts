import type { FormSpec, FormValues } from '../../forms/form-field.js';
import type { Evaluation } from './project.js';

/** The check-in card's answers: the new end date and why (it runs on), or why it stopped. */
export const CHECK_IN_FORM: FormSpec = {
  fields: [
    {
      key: 'newEndDate',
      label: 'If it runs on: the new expected end date',
      kind: 'date',
      required: (known) => known.answer === 'extend',
    },
    {
      key: 'extendReason',
      label: 'Why it runs on',
      kind: 'longtext',
      required: (known) => known.answer === 'extend',
      minLength: 3,
      maxLength: 1000,
    },
    {
      key: 'stopReason',
      label: 'If it stopped: why?',
      hint: 'The PPI team sees this. No names or personal details.',
      kind: 'longtext',
      required: (known) => known.answer === 'stop',
      minLength: 3,
      maxLength: 1000,
    },
  ],
};

/** The PPI team's review of a close-out: a comment (needed to ask for more) and the Patient Partners' evaluation. */
export const REVIEW_FORM: FormSpec = {
  fields: [
    {
      key: 'comment',
      label: 'Comment for the project lead',
      hint: 'Needed to ask for more.',
      kind: 'longtext',
      required: (known) => known.decision === 'more',
      minLength: 3,
      maxLength: 1000,
    },
    {
      key: 'evaluationOwn',
      label: 'Patient Partners’ evaluation of their own involvement',
      hint: 'Entered for them by the PPI team (seed 000 §11.2). No names or personal details.',
      kind: 'longtext',
      required: false,
      minLength: 3,
      maxLength: 2000,
    },
    {
      key: 'evaluationWider',
      label: 'Patient Partners’ evaluation of the wider patients’ involvement',
      kind: 'longtext',
      required: false,
      minLength: 3,
      maxLength: 2000,
    },
  ],
};

/** The evaluation the review form carries, if any was typed. */
export function evaluationOf(values: FormValues): Omit<Evaluation, 'by' | 'at'> | undefined {
  const own = typeof values.evaluationOwn === 'string' ? values.evaluationOwn : undefined;
  const wider = typeof values.evaluationWider === 'string' ? values.evaluationWider : undefined;
  return own || wider ? { ...(own ? { own } : {}), ...(wider ? { wider } : {}) } : undefined;
}
