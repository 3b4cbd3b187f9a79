import { describeValue } from '../../forms/describe-value.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
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

/**
 * One answer in plain words (describeValue: '—' when unanswered, dates in the UK style, long text shortened), with
 * the Trust's list entries by name, retired ones too, and any rung by name (requests saved before the ladder was
 * offered from Informing may hold a rung no longer offered).
 */
export function describeAnswer(field: StepField, answers: PirAnswers, lists: PirLists, max: number): string {
  const value = answers[field.key];
  if (typeof value === 'string' && value !== '') {
    if (field.key === 'directorate') return labelFrom(lists.directorates, value);
    if (field.key === 'qualityPriority') return labelFrom(lists.qualityPriorities, value);
    if (field.key === 'rung') return labelOf(referenceData.ladderRungs, value);
  }
  return describeValue(field, value, max);
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
