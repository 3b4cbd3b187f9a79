import fieldTemplate from '../../cards/parts/form-field.json' with { type: 'json' };
import { type CardElement, renderPart } from '../cards/render-card.js';
import type { FormError, FormField, FormValues } from './form-field.js';

export interface InputState {
  /** Stored values to prefill; `typed` (after a failed check, already masked) wins. */
  readonly values?: FormValues;
  readonly typed?: Readonly<Record<string, string>>;
  readonly errors?: readonly FormError[];
}

function shown(value: FormValues[string]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/**
 * The inputs of a form, one container per field, all in one style: "(required)" after the label, the hint under
 * the input, the field's error under that. Every card with inputs (form cards, PIR steps, the check-in card, the
 * assessment card) renders them here.
 */
export function formInputs(fields: readonly FormField[], state: InputState = {}): CardElement[] {
  return fields.map((f) =>
    renderPart(fieldTemplate, {
      key: f.key,
      kind: f.kind,
      label: f.required === true && f.kind !== 'toggle' ? `${f.label} (required)` : f.label,
      value: state.typed?.[f.key] ?? (shown(state.values?.[f.key]) || (f.kind === 'toggle' ? 'false' : '')),
      maxLength: f.maxLength ?? 0,
      placeholder: f.placeholder ?? (f.kind === 'number' ? `${f.min ?? 0}–${f.max ?? 100000}` : ''),
      choices: (f.choices ?? []).map((c) => ({ title: c.label, value: c.id })),
      expanded: f.expanded === true,
      hint: f.hint ?? '',
      error: state.errors?.find((e) => e.key === f.key)?.message ?? '',
    }),
  );
}
