import { describeValue } from '../../forms/describe-value.js';
import type { FormField } from '../../forms/form-field.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { CLOSE_OUT_STEPS, closeOutFields } from './close-out-steps.js';
import type { CloseOutAnswers, CloseOutStepId, Project } from './project.js';

export interface AnswerLine {
  readonly label: string;
  readonly value: string;
}

export interface CloseOutSection {
  readonly step: CloseOutStepId;
  readonly title: string;
  readonly lines: readonly AnswerLine[];
}

/** An answer in plain words: a rung, offered with its meaning, is named by itself (any rung, as stored). */
function shown(field: FormField, value: CloseOutAnswers[string] | undefined, max: number): string {
  if (field.choices && typeof value === 'string' && referenceData.ladderRungs.some((r) => r.id === value)) {
    return rungLabel(value);
  }
  return describeValue(field, value, max);
}

/** Every close-out answer in plain words, step by step; long text shortened to `max` characters. */
export function describeCloseOut(
  answers: CloseOutAnswers,
  linkable: readonly Choice[] = [],
  max = 500,
): CloseOutSection[] {
  return CLOSE_OUT_STEPS.map((s) => ({
    step: s.id,
    title: s.title,
    lines: closeOutFields(s.id, linkable).map((f) => ({
      label: f.label,
      value: shown(f, answers[f.key], max),
    })),
  }));
}

const rungLabel = (id: unknown) =>
  typeof id === 'string' && id !== '' ? labelOf(referenceData.ladderRungs, id) : 'not given yet';

/** Planned (the lead's request), expected (the PPI team's assessment) and achieved (the close-out) rungs. */
export function rungsOf(pir: Pir, project: Project): { planned: string; expected: string; achieved: string } {
  return {
    planned: rungLabel(pir.answers.rung),
    expected: rungLabel(pir.assessment.expectedRung),
    achieved: rungLabel(project.closeOut?.answers.achievedRung),
  };
}
