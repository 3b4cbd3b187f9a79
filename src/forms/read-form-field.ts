import { describePersonalData } from '../personal-data/describe-personal-data.js';
import { findPersonalData } from '../personal-data/find-personal-data.js';
import type { FormField, FormValue } from './form-field.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters from user text is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An Entra object id, as Teams' people picker sends it. */
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNT = new Intl.NumberFormat('en-GB');

/**
 * The most of one answer shown again after a failed check: an over-long paste comes back whole to be shortened (the
 * request itself is bounded by MAX_REQUEST_BYTES); only past this, far beyond any field's limit, is the rest not
 * shown, and the field's error says so.
 */
export const TYPED_SHOWN_MAX = 20_000;

/** Untrusted input as text: anything not a string is empty; control characters go; line ends are \n; trimmed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(CONTROL, '').replace(/\r\n?/g, '\n').trim();
}

/** As `cleanText`, but numbers and booleans (Input.Number, Input.Toggle) read as their text. */
export function cleanInput(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return cleanText(value);
}

export function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export type FieldRead = { readonly value: FormValue | undefined } | { readonly error: string };

type FieldRule = Pick<FormField, 'label' | 'kind' | 'maxLength' | 'minLength' | 'choices' | 'min' | 'max' | 'decimals'>;

/**
 * Validates one input against its field: lengths, choices from the list, real dates, numbers in range, and the
 * personal-data guard on every free text. Messages are plain English and never repeat what was typed.
 */
export function readFormField(field: FieldRule, raw: unknown, mustHave: boolean): FieldRead {
  const text = cleanInput(raw);
  const label = field.label.replace(/\?$/, '');
  if (field.kind === 'section') return { value: undefined };
  if (field.kind === 'toggle') return { value: text === 'true' };
  if (text === '') return mustHave ? { error: `Please answer “${label}”.` } : { value: undefined };
  switch (field.kind) {
    case 'text':
    case 'longtext': {
      if (field.maxLength !== undefined && text.length > field.maxLength) {
        const [max, length] = [field.maxLength, text.length].map((n) => COUNT.format(n));
        const kept =
          text.length > TYPED_SHOWN_MAX
            ? `Only the first ${COUNT.format(TYPED_SHOWN_MAX)} characters are shown again below.`
            : 'Nothing was cut: all of it is still here to edit.';
        return { error: `Please shorten this to ${max} characters or fewer: it is ${length}. ${kept}` };
      }
      if (mustHave && field.minLength !== undefined && text.length < field.minLength) {
        return { error: `Please say a little more (at least ${field.minLength} characters).` };
      }
      const findings = findPersonalData(text);
      return findings.length > 0 ? { error: describePersonalData(findings) } : { value: text };
    }
    case 'choice':
      return field.choices?.some((c) => c.id === text)
        ? { value: text }
        : { error: 'Please choose an option from the list.' };
    case 'multi': {
      const ids = [
        ...new Set(
          text
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ];
      if (ids.length > 50 || !ids.every((id) => field.choices?.some((c) => c.id === id))) {
        return { error: 'Please choose options from the list.' };
      }
      return { value: ids };
    }
    case 'person':
      return ENTRA_ID.test(text) ? { value: text.toLowerCase() } : { error: 'Please choose a person from the list.' };
    case 'date':
      return isRealDate(text) ? { value: text } : { error: 'Please choose a date from the calendar.' };
    case 'number': {
      const n = Number(text);
      const min = field.min ?? 0;
      const max = field.max ?? 100_000;
      const whole = field.decimals ? '' : 'whole ';
      if (!Number.isFinite(n) || (!field.decimals && !Number.isInteger(n)) || n < min || n > max) {
        return { error: `Please enter a ${whole}number from ${COUNT.format(min)} to ${COUNT.format(max)}.` };
      }
      return { value: field.decimals ? Math.round(n * 10) / 10 : n };
    }
  }
}
