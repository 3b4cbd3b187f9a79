import type { Choice } from '../reference-data/reference-data.js';

export type FormFieldKind = 'text' | 'longtext' | 'choice' | 'multi' | 'date' | 'number' | 'toggle';

/** One question on a form card; the card builder and the validator both read it. */
export interface FormField {
  readonly key: string;
  readonly label: string;
  readonly kind: FormFieldKind;
  readonly required: boolean;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly choices?: readonly Choice[];
  /** Numbers: whole numbers unless `decimals`. */
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: boolean;
  readonly placeholder?: string;
}

export type FormValue = string | number | boolean | readonly string[];
export type FormValues = Readonly<Record<string, FormValue | undefined>>;
