import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';
import type { PirAnswers, StepId } from './pir.js';
import { type PirLists, type StepField, stepFields } from './step-fields.js';
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

const NOT_ANSWERED = '—';

/** One answer in plain words ('—' when unanswered; list entries by name, retired ones too), long text shortened. */
export function describeAnswer(field: StepField, answers: PirAnswers, lists: PirLists, max: number): string {
  const value = answers[field.key];
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return NOT_ANSWERED;
  if (Array.isArray(value)) return shorten(value.map((id) => labelOf(field.choices ?? [], id)).join(', '), max);
  if (field.key === 'directorate') return labelFrom(lists.directorates, value as string);
  if (field.key === 'qualityPriority') return labelFrom(lists.qualityPriorities, value as string);
  if (field.key === 'rung') return labelOf(referenceData.ladderRungs, value as string);
  if (field.choices) return labelOf(field.choices, value as string);
  return shorten(value as string, max);
}

/**
 * Every answer in plain words, section by section (retired list entries keep their names); long text shortened to
 * `max` characters. A request saved before a question was asked shows it as not answered.
 */
export function describeAnswers(answers: PirAnswers, lists: PirLists, max = 400): AnswerSection[] {
  return STEPS.map((s) => ({
    step: s.id,
    title: s.title,
    lines: stepFields(s.id, lists).map((f) => ({ label: f.label, value: describeAnswer(f, answers, lists, max) })),
  }));
}
