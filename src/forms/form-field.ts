import type { Choice } from '../reference-data/reference-data.js';

/**
 * `person`: Teams' people picker (the organisation's directory); its value is the person's Entra object id.
 * `section`: a heading over the fields after it (its label, and its hint under it); it has no input and is never read.
 */
export type FormFieldKind =
  | 'text'
  | 'longtext'
  | 'choice'
  | 'multi'
  | 'date'
  | 'number'
  | 'toggle'
  | 'person'
  | 'section';

export type FormValue = string | number | boolean | readonly string[];
export type FormValues = Readonly<Record<string, FormValue | undefined>>;

/**
 * One question of a form, described once: the card builder (`formInputs`) and the validator (`readForm`) both read
 * it. Choices come from the list given when the form is built (a live list such as the directorates, or reference
 * data).
 */
export interface FormField {
  readonly key: string;
  readonly label: string;
  readonly kind: FormFieldKind;
  /** Needed to submit: always, never, or when the other answers (and what the form knows) say so. */
  readonly required: boolean | ((answers: FormValues) => boolean);
  /**
   * When `required` depends on something the card cannot know (the button pressed, another answer on the same
   * card), the words after "(required": e.g. "unless you simply accept" shows "(required unless you simply accept)".
   */
  readonly requiredNote?: string;
  /** A line under the input, in the one hint style (e.g. "No names or personal details."); never the label again. */
  readonly hint?: string;
  readonly maxLength?: number;
  /** Checked when the field must be answered. */
  readonly minLength?: number;
  readonly choices?: readonly Choice[];
  /** Choices as radio buttons rather than a drop-down. */
  readonly expanded?: boolean;
  /** Numbers: whole numbers unless `decimals`. */
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: boolean;
  readonly placeholder?: string;
}

export interface FormError {
  readonly key: string;
  readonly message: string;
}

/** A form: its fields, and the rules across fields (run over the values that passed on their own). */
export interface FormSpec {
  readonly fields: readonly FormField[];
  readonly check?: (values: FormValues) => readonly FormError[];
}

export function isRequired(field: FormField, answers: FormValues): boolean {
  return typeof field.required === 'function' ? field.required(answers) : field.required;
}

/** Nothing given: no value, an empty text, or no choice made. */
export function isUnanswered(value: FormValue | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
