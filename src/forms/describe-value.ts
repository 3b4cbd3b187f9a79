import { formatUkDateKey } from '../calendar/format-uk-date.js';
import { labelOf } from '../reference-data/reference-data.js';
import { shorten } from '../text/shorten.js';
import type { FormField, FormValue } from './form-field.js';

/**
 * A stored answer in plain words, for review and assessment cards: choices by their labels, dates in the one UK
 * style ("Tuesday 12 January 2027"), a toggle as yes or no, long text cut at a word to `max`; "—" when unanswered.
 */
export function describeValue(
  field: Pick<FormField, 'kind' | 'choices'>,
  value: FormValue | undefined,
  max: number,
): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (Array.isArray(value)) return shorten(value.map((id) => labelOf(field.choices ?? [], id)).join(', '), max);
  if (field.choices) return labelOf(field.choices, String(value));
  if (field.kind === 'date') return formatUkDateKey(String(value));
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return shorten(String(value), max);
}
