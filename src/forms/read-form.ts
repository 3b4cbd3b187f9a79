import { maskPersonalData } from '../personal-data/mask-personal-data.js';
import type { FormField, FormValues } from './form-field.js';
import { cleanInput, readFormField } from './read-form-field.js';

export interface FormError {
  readonly key: string;
  readonly message: string;
}

export type FormRead =
  | { readonly ok: true; readonly values: FormValues }
  | { readonly ok: false; readonly errors: readonly FormError[]; readonly message: string };

/** Reads every field of a form from untrusted card data; unknown keys are ignored. */
export function readForm(fields: readonly FormField[], data: Readonly<Record<string, unknown>>): FormRead {
  const values: Record<string, FormValues[string]> = {};
  const errors: FormError[] = [];
  for (const field of fields) {
    const read = readFormField(field, data[field.key], field.required);
    if ('error' in read) errors.push({ key: field.key, message: read.error });
    else values[field.key] = read.value;
  }
  if (errors.length === 0) return { ok: true, values };
  return { ok: false, errors, message: nothingSavedMessage(errors) };
}

/** The line above a card whose answers were refused: says when it was patient-identifiable data. */
export function nothingSavedMessage(errors: readonly { readonly message: string }[]): string {
  return errors.some((e) => /patient-identifiable/.test(e.message))
    ? 'Nothing was saved: please remove the patient-identifiable details highlighted below.'
    : 'Nothing was saved yet: please check the answers highlighted below.';
}

/** What was typed, to show again after a failed check (never stored), with any personal data masked. */
export function typedOnForm(
  fields: readonly FormField[],
  data: Readonly<Record<string, unknown>>,
): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => [f.key, maskPersonalData(cleanInput(data[f.key]).slice(0, (f.maxLength ?? 200) + 500))]),
  );
}
