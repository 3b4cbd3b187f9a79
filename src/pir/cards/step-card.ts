import template from '../../../cards/pir-step.json' with { type: 'json' };
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import type { Pir, StepId } from '../domain/pir.js';
import type { FieldError } from '../domain/read-step-answers.js';
import { STEP_FIELDS } from '../domain/step-fields.js';
import { STEPS, stepIndex, stepInfo } from '../domain/steps.js';
import { PirVerb } from '../pir-verbs.js';

export interface StepCardOptions {
  /** A sentence above the questions: a validation summary, an out-of-date card, the PPI team's comment. */
  readonly notice?: string;
  readonly noticeIsWarning?: boolean;
  readonly errors?: readonly FieldError[];
  /** What the lead typed, shown again after a failed check (not stored). */
  readonly typed?: Readonly<Record<string, string>>;
}

function storedValue(pir: Pir, key: string): string {
  const value = (pir.answers as Record<string, unknown>)[key];
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : '';
}

/** One step of the request, prefilled with what the lead has saved so far. */
export function buildStepCard(pir: Pir, step: StepId, options: StepCardOptions = {}): AdaptiveCard {
  const info = stepInfo(step);
  const index = stepIndex(step);
  const ref = { pirId: pir.id, revision: pir.revision, step };
  const fields = STEP_FIELDS[step].map((f) => ({
    key: f.key,
    kind: f.kind,
    label: f.required === true ? `${f.label} (required)` : f.label,
    value: options.typed?.[f.key] ?? storedValue(pir, f.key),
    maxLength: f.maxLength ?? 0,
    choices: (f.choices ?? []).map((c) => ({ title: c.label, value: c.id })),
    error: options.errors?.find((e) => e.key === f.key)?.message ?? '',
  }));
  const last = index === STEPS.length - 1;
  const nextTitle = pir.returnToReview ? 'Save and return to review' : last ? 'Next: review' : 'Next';
  const actions = [
    ...(index > 0 || pir.returnToReview
      ? [{ title: pir.returnToReview ? 'Back to review' : 'Back', verb: PirVerb.back, data: ref, inputs: 'none' }]
      : []),
    { title: 'Save and finish later', verb: PirVerb.save, data: ref, inputs: 'auto' },
    { title: nextTitle, verb: PirVerb.next, data: ref, inputs: 'auto' },
  ];
  return renderCard(template, {
    stepNumber: index + 1,
    stepCount: STEPS.length,
    title: info.title,
    hint: info.hint,
    notice: options.notice ?? '',
    noticeColor: options.noticeIsWarning === false ? 'Good' : 'Attention',
    fields,
    actions,
  });
}
