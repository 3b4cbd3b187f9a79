import fieldTemplate from '../../cards/parts/form-field.json' with { type: 'json' };
import { type CardElement, renderPart } from '../cards/render-card.js';
import { type FormError, type FormField, type FormValues, isRequired } from './form-field.js';

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

const count = new Intl.NumberFormat('en-GB');

/** "Project title (required)", "Comment (required unless you simply accept)", or the label alone. */
function labelOf(field: FormField, known: FormValues): string {
  if (field.kind === 'toggle') return field.label;
  if (isRequired(field, known)) return `${field.label} (required)`;
  return field.requiredNote ? `${field.label} (required ${field.requiredNote})` : field.label;
}

/** The field's hint, and for text its limit: the card shows it, and never cuts a paste (the server says when over). */
function hintOf(field: FormField): string {
  const limit =
    (field.kind === 'text' || field.kind === 'longtext') && field.maxLength !== undefined
      ? `Up to ${count.format(field.maxLength)} characters.`
      : '';
  return [field.hint ?? '', limit].filter((h) => h !== '').join(' ');
}

/**
 * The inputs of a form, one container per field, all in one style: "(required)" after the label whenever it is
 * required by what the card knows (or the condition said), the hint and any limit under the input, the field's error
 * under that. No input has a client-side `maxLength`: a paste is never cut, the server refuses what is too long and
 * shows it again. Every card with inputs (form cards, PIR steps, the check-in card, the assessment card) renders here.
 */
export function formInputs(fields: readonly FormField[], state: InputState = {}): CardElement[] {
  const known = state.values ?? {};
  return fields.map((f) =>
    renderPart(fieldTemplate, {
      key: f.key,
      kind: f.kind,
      label: labelOf(f, known),
      value: state.typed?.[f.key] ?? (shown(state.values?.[f.key]) || (f.kind === 'toggle' ? 'false' : '')),
      placeholder:
        f.placeholder ?? (f.kind === 'number' ? `${count.format(f.min ?? 0)}–${count.format(f.max ?? 100_000)}` : ''),
      choices: (f.choices ?? []).map((c) => ({ title: c.label, value: c.id })),
      expanded: f.expanded === true,
      hint: hintOf(f),
      error: state.errors?.find((e) => e.key === f.key)?.message ?? '',
    }),
  );
}
