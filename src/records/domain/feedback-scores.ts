import type { FormValue, FormValues } from '../../forms/form-field.js';
import { scoreKeys } from './record-kinds.js';

export const SCALE_QUESTIONS = ['valued', 'impact'] as const;

const num = (v: FormValues[string]) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Whether the forms' own scores were entered for a question (`valued-1` … `valued-10`). */
export function hasScores(values: FormValues, question: (typeof SCALE_QUESTIONS)[number]): boolean {
  return scoreKeys(question).some((k) => num(values[k]) > 0);
}

/** The average of the scores entered (weighted by how many forms gave each), one decimal; undefined with none. */
export function averageScore(values: FormValues, question: (typeof SCALE_QUESTIONS)[number]): number | undefined {
  let forms = 0;
  let total = 0;
  scoreKeys(question).forEach((key, i) => {
    forms += num(values[key]);
    total += num(values[key]) * (i + 1);
  });
  return forms > 0 ? Math.round((total / forms) * 10) / 10 : undefined;
}

/**
 * Feedback results with each scale question's average worked out from the scores entered (`valued`, `impact`: the
 * digests show averages). Without scores a question has no average, unless an earlier form recorded one (kept).
 */
export function withAverages(values: Readonly<Record<string, FormValue>>): Record<string, FormValue> {
  const out: Record<string, FormValue> = { ...values };
  for (const question of SCALE_QUESTIONS) {
    const average = averageScore(values, question);
    if (average !== undefined) out[question] = average;
  }
  return out;
}
