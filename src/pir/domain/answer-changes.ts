import { describeValue } from '../../forms/describe-value.js';
import type { AnswerChange, PirAnswers } from './pir.js';
import { STEP_FIELDS } from './step-fields.js';
import { STEPS } from './steps.js';

const SHOWN = 200;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed between the answers the PPI team assessed and the ones resubmitted, question by question in the
 * order of the form, each side in plain words (choices by their labels, long text shortened).
 */
export function answerChanges(before: PirAnswers, after: PirAnswers): AnswerChange[] {
  return STEPS.flatMap((step) =>
    STEP_FIELDS[step.id]
      .filter((field) => !same(before[field.key], after[field.key]))
      .map((field) => ({
        section: step.title,
        question: field.label,
        before: describeValue(field, before[field.key], SHOWN),
        after: describeValue(field, after[field.key], SHOWN),
      })),
  );
}

/** "2nd", "3rd", "11th": which version a resubmission is. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
