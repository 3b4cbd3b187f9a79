import { describeValue } from '../../forms/describe-value.js';
import type { PirAnswers, StepId } from './pir.js';
import { STEP_FIELDS } from './step-fields.js';
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

/** Every answer in plain words, section by section; long text shortened to `max` characters. */
export function describeAnswers(answers: PirAnswers, max = 400): AnswerSection[] {
  return STEPS.map((s) => ({
    step: s.id,
    title: s.title,
    lines: STEP_FIELDS[s.id].map((f) => ({ label: f.label, value: describeValue(f, answers[f.key], max) })),
  }));
}
