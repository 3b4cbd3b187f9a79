import type { CardText } from '../../bot/card-text.js';
import type { FormError } from '../../forms/form-field.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import type { PirAnswers, StepId } from './pir.js';
import { NO_LISTS, type PirLists, stepForm } from './step-fields.js';

export type StepReadResult =
  | { readonly ok: true; readonly changes: Partial<PirAnswers> }
  | { readonly ok: false; readonly errors: readonly FormError[]; readonly message: CardText };

/** 'next' checks everything; 'save' (Back, Save and finish later) lets required fields stay empty. */
export type ReadMode = 'next' | 'save';

/**
 * Reads and validates one step's card inputs with the shared form rules. What is required can depend on answers
 * given in earlier steps (plans to engage groups, once groups are chosen). Nothing is returned to store on a failure.
 */
export function readStepAnswers(
  step: StepId,
  data: Readonly<Record<string, unknown>>,
  current: PirAnswers,
  mode: ReadMode,
  lists: PirLists,
): StepReadResult {
  const read = readForm(stepForm(step, lists), data, { mode: mode === 'next' ? 'submit' : 'draft', known: current });
  // The step's fields are keyed by the answers (StepField), so its values are answers.
  return read.ok ? { ok: true, changes: read.values as Partial<PirAnswers> } : read;
}

/** The step's fields as they were typed (personal data masked), to put back on the card after a failed check. */
export function typedValues(step: StepId, data: Readonly<Record<string, unknown>>): Record<string, string> {
  return typedOnForm(stepForm(step, NO_LISTS), data);
}
