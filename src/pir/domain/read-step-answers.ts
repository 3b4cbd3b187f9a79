import { nothingSavedMessage } from '../../forms/read-form.js';
import { cleanText, readFormField } from '../../forms/read-form-field.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import type { PirAnswers, StepId } from './pir.js';
import { type AnswerKey, type FieldSpec, isRequired, STEP_FIELDS } from './step-fields.js';

export interface FieldError {
  readonly key: AnswerKey;
  readonly message: string;
}

export type StepReadResult =
  | { readonly ok: true; readonly changes: Partial<PirAnswers> }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly message: string };

/** 'next' checks everything; 'save' (Back, Save and finish later) lets required fields stay empty. */
export type ReadMode = 'next' | 'save';

/** A step's field through the shared form rules; only strings count as answers (the step cards have no numbers). */
function readField(field: FieldSpec, raw: unknown, mustHave: boolean) {
  const read = readFormField(field, typeof raw === 'string' ? raw : '', mustHave);
  return read as { value: string | string[] | undefined } | { error: string };
}

/**
 * Reads and validates one step's card inputs. Untrusted: anything not a string is treated as empty, unknown keys
 * are ignored, free text is checked for patient-identifiable data and is not returned (so not stored) if any is found.
 */
export function readStepAnswers(
  step: StepId,
  data: Readonly<Record<string, unknown>>,
  current: PirAnswers,
  mode: ReadMode,
): StepReadResult {
  const errors: FieldError[] = [];
  const changes: Record<string, unknown> = {};
  const fields = STEP_FIELDS[step];
  const provisional: Record<string, unknown> = { ...current };
  for (const field of fields) {
    if (field.kind === 'multi') {
      const read = readField(field, data[field.key], false);
      if ('value' in read) provisional[field.key] = read.value ?? [];
    }
  }
  for (const field of fields) {
    const mustHave = mode === 'next' && isRequired(field, provisional as PirAnswers);
    const read = readField(field, data[field.key], mustHave);
    if ('error' in read) errors.push({ key: field.key, message: read.error });
    else changes[field.key] = field.kind === 'multi' ? (read.value ?? []) : read.value;
  }
  const start = changes.startDate;
  const end = changes.endDate;
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    errors.push({ key: 'endDate', message: 'The expected end date must be on or after the start date.' });
  }
  if (errors.length > 0) return { ok: false, errors, message: nothingSavedMessage(errors) };
  return { ok: true, changes: changes as Partial<PirAnswers> };
}

/** The step's fields as they were typed (personal data masked), to put back on the card after a failed check. */
export function typedValues(step: StepId, data: Readonly<Record<string, unknown>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of STEP_FIELDS[step])
    values[field.key] = maskPersonalData(cleanText(data[field.key]).slice(0, (field.maxLength ?? 200) + 500));
  return values;
}
