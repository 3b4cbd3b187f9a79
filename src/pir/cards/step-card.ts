import { botText, type CardText, md, plain } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { FormError } from '../../forms/form-field.js';
import type { Pir, StepId } from '../domain/pir.js';
import { type PirLists, plansIntro, stepFields } from '../domain/step-fields.js';
import { STEPS, stepIndex, stepInfo } from '../domain/steps.js';
import { PirVerb } from '../pir-verbs.js';

export interface StepCardOptions {
  /** A sentence above the questions: a validation summary, an out-of-date card, the PPI team's comment. */
  readonly notice?: CardText;
  readonly errors?: readonly FormError[];
  /** What the lead typed, shown again after a failed check (masked, not stored). */
  readonly typed?: Readonly<Record<string, string>>;
}

/** One step of the request (the form card), prefilled with what the lead has saved so far. */
export function buildStepCard(pir: Pir, step: StepId, lists: PirLists, options: StepCardOptions = {}): AdaptiveCard {
  const info = stepInfo(step);
  const index = stepIndex(step);
  const ref = { pirId: pir.id, revision: pir.revision, step };
  const last = index === STEPS.length - 1;
  const nextTitle = pir.returnToReview ? 'Save and return to review' : last ? 'Next: review' : 'Next';
  return buildFormCard({
    kicker: md`Patient Involvement Request · Step ${index + 1} of ${STEPS.length}`,
    title: botText(info.title),
    intro: step === 'plans' ? plain(plansIntro(pir.answers)) : botText(info.hint),
    ...(options.notice ? { notice: options.notice } : {}),
    fields: stepFields(step, lists),
    values: pir.answers,
    ...(options.typed ? { typed: options.typed } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    buttons: [
      ...(index > 0 || pir.returnToReview
        ? [{ title: pir.returnToReview ? 'Back to review' : 'Back', verb: PirVerb.back, data: ref, withInputs: true }]
        : []),
      { title: 'Save and finish later', verb: PirVerb.save, data: ref, withInputs: true },
      { title: nextTitle, verb: PirVerb.next, data: ref, withInputs: true },
    ],
  });
}
