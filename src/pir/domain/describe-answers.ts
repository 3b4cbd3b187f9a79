import { labelOf } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import type { PirAnswers, StepId } from './pir.js';
import { STEP_FIELDS, type StepField } from './step-fields.js';
import { STEPS } from './steps.js';

export interface AnswerLine {
  readonly label: string;
  readonly value: string;
}

export interface AnswerSection {
  readonly step: StepId;
  readonly title: string;
  readonly lines: readonly AnswerLine[];
}

/** One answer in plain words ('—' when unanswered), long text shortened to `max` characters. */
export function describeAnswer(field: StepField, answers: PirAnswers, max: number): string {
  const value = answers[field.key];
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (Array.isArray(value)) return shorten(value.map((id) => labelOf(field.choices ?? [], id)).join(', '), max);
  if (field.choices) return labelOf(field.choices, value as string);
  return shorten(value as string, max);
}

/** Every answer in plain words, section by section; long text shortened to `max` characters. */
export function describeAnswers(answers: PirAnswers, max = 400): AnswerSection[] {
  return STEPS.map((s) => ({
    step: s.id,
    title: s.title,
    lines: STEP_FIELDS[s.id].map((f) => ({ label: f.label, value: describeAnswer(f, answers, max) })),
  }));
}
