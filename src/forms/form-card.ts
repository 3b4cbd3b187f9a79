import template from '../../cards/form.json' with { type: 'json' };
import type { AdaptiveCard } from '../bot/turn.js';
import { renderCard } from '../cards/render-card.js';
import type { FormField, FormValues } from './form-field.js';
import type { FormError } from './read-form.js';

export interface FormButton {
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Send the inputs with this button (Save) or not (Cancel, Back). */
  readonly withInputs: boolean;
}

export interface FormCardData {
  readonly kicker: string;
  readonly title: string;
  readonly intro?: string;
  readonly notice?: string;
  readonly fields: readonly FormField[];
  /** Stored values to prefill; `typed` (after a failed check) wins. */
  readonly values?: FormValues;
  readonly typed?: Readonly<Record<string, string>>;
  readonly errors?: readonly FormError[];
  readonly buttons: readonly FormButton[];
}

function shown(value: FormValues[string]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** A form card from field specs: used by every recording flow (engagement, feedback, "You said, we did"). */
export function buildFormCard(data: FormCardData): AdaptiveCard {
  return renderCard(template, {
    kicker: data.kicker,
    title: data.title,
    intro: data.intro ?? '',
    notice: data.notice ?? '',
    fields: data.fields.map((f) => ({
      key: f.key,
      kind: f.kind,
      label: f.required && f.kind !== 'toggle' ? `${f.label} (required)` : f.label,
      value: data.typed?.[f.key] ?? (shown(data.values?.[f.key]) || (f.kind === 'toggle' ? 'false' : '')),
      maxLength: f.maxLength ?? 0,
      placeholder: f.placeholder ?? (f.kind === 'number' ? `${f.min ?? 0}–${f.max ?? 100000}` : ''),
      choices: (f.choices ?? []).map((c) => ({ title: c.label, value: c.id })),
      error: data.errors?.find((e) => e.key === f.key)?.message ?? '',
    })),
    actions: data.buttons.map((b) => ({
      title: b.title,
      verb: b.verb,
      data: { ...b.data },
      inputs: b.withInputs ? 'auto' : 'none',
    })),
  });
}
