import { describePersonalData } from '../../personal-data/describe-personal-data.js';
import { findPersonalData } from '../../personal-data/find-personal-data.js';
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

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters from user text is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(CONTROL, '').replace(/\r\n?/g, '\n').trim();
}

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

type FieldRead = { value: string | string[] | undefined } | { error: string };

function readField(field: FieldSpec, raw: unknown, mustHave: boolean): FieldRead {
  const text = cleanText(raw);
  const label = field.label.replace(/\?$/, '');
  if (text === '') return mustHave ? { error: `Please answer “${label}”.` } : { value: undefined };
  switch (field.kind) {
    case 'text':
    case 'longtext': {
      if (field.maxLength !== undefined && text.length > field.maxLength) {
        return { error: `Please keep this under ${field.maxLength} characters (it is ${text.length}).` };
      }
      if (mustHave && field.minLength !== undefined && text.length < field.minLength) {
        return { error: `Please say a little more (at least ${field.minLength} characters).` };
      }
      const findings = findPersonalData(text);
      if (findings.length > 0) return { error: describePersonalData(findings) };
      return { value: text };
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
    case 'date':
      return isRealDate(text) ? { value: text } : { error: 'Please enter a date as YYYY-MM-DD.' };
  }
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
  if (errors.length > 0) {
    const personal = errors.some((e) => /patient-identifiable/.test(e.message));
    return {
      ok: false,
      errors,
      message: personal
        ? 'Nothing was saved: please remove the patient-identifiable details highlighted below.'
        : 'Nothing was saved yet: please check the answers highlighted below.',
    };
  }
  return { ok: true, changes: changes as Partial<PirAnswers> };
}

/** The step's fields as they were typed, to put back on the card after a failed check. */
export function typedValues(step: StepId, data: Readonly<Record<string, unknown>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of STEP_FIELDS[step])
    values[field.key] = cleanText(data[field.key]).slice(0, (field.maxLength ?? 200) + 500);
  return values;
}
