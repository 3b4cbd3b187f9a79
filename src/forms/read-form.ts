import { botText, type CardText } from '../bot/card-text.js';
import { maskPersonalData } from '../personal-data/mask-personal-data.js';
import { type FormError, type FormSpec, type FormValues, isRequired } from './form-field.js';
import { cleanInput, readFormField, TYPED_SHOWN_MAX } from './read-form-field.js';

export type FormRead =
  | { readonly ok: true; readonly values: FormValues }
  | { readonly ok: false; readonly errors: readonly FormError[]; readonly message: CardText };

export interface ReadOptions {
  /** 'submit' checks everything; 'draft' (Back, Save and finish later) lets required fields stay empty. */
  readonly mode?: 'submit' | 'draft';
  /** What the form already knows (answers saved earlier, the button pressed): decides what is required. */
  readonly known?: FormValues;
}

/**
 * The one validator: reads every field of a form from untrusted card data (unknown keys ignored; anything of the
 * wrong type is empty) with the field rules (lengths, choices from the list, real dates, numbers in range, the
 * personal-data guard on every free text), then the form's rules across fields. Nothing is returned to store when
 * anything failed.
 */
export function readForm(form: FormSpec, data: Readonly<Record<string, unknown>>, options: ReadOptions = {}): FormRead {
  const mode = options.mode ?? 'submit';
  const provisional: Record<string, FormValues[string]> = { ...options.known };
  for (const field of form.fields) {
    if (field.kind === 'text' || field.kind === 'longtext') continue;
    const read = readFormField(field, data[field.key], false);
    if ('value' in read) provisional[field.key] = read.value ?? (field.kind === 'multi' ? [] : undefined);
  }
  const values: Record<string, FormValues[string]> = {};
  const errors: FormError[] = [];
  for (const field of form.fields) {
    if (field.kind === 'section') continue;
    const read = readFormField(field, data[field.key], mode === 'submit' && isRequired(field, provisional));
    if ('error' in read) errors.push({ key: field.key, message: read.error });
    else values[field.key] = read.value ?? (field.kind === 'multi' ? [] : undefined);
  }
  const failed = new Set(errors.map((e) => e.key));
  errors.push(...(form.check?.(values) ?? []).filter((e) => !failed.has(e.key)));
  if (errors.length === 0) return { ok: true, values };
  return { ok: false, errors, message: nothingSavedMessage(errors) };
}

/** The line above a card whose answers were refused: says when it was patient-identifiable data. */
export function nothingSavedMessage(errors: readonly { readonly message: string }[]): CardText {
  return botText(
    errors.some((e) => /patient-identifiable/.test(e.message))
      ? 'Nothing was saved: please remove the patient-identifiable details highlighted below.'
      : 'Nothing was saved yet: please check the answers highlighted below.',
  );
}

/**
 * What was typed, to show again after a failed check (never stored), with any personal data masked. Only the inputs
 * the card sent: a field it did not send keeps its stored or default value.
 */
export function typedOnForm(form: FormSpec, data: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    form.fields
      .filter((f) => data[f.key] !== undefined)
      .map((f) => [f.key, maskPersonalData(cleanInput(data[f.key]).slice(0, TYPED_SHOWN_MAX))]),
  );
}
