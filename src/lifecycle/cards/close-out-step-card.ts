import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { FormError } from '../../forms/form-field.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { CLOSE_OUT_STEPS, closeOutFields, stepIndexOf } from '../domain/close-out-steps.js';
import type { CloseOut, CloseOutStepId, Project } from '../domain/project.js';
import { LifecycleVerb } from '../lifecycle-verbs.js';

export interface StepCardOptions {
  readonly notice?: CardText;
  readonly errors?: readonly FormError[];
  /** What was typed, shown again after a failed check (masked, not stored). */
  readonly typed?: Readonly<Record<string, string>>;
}

/** One step of the close-out (the form card), prefilled with what the lead has saved so far. */
export function buildCloseOutStepCard(
  pir: Pir,
  project: Project & { readonly closeOut: CloseOut },
  step: CloseOutStepId,
  linkable: readonly Choice[],
  options: StepCardOptions = {},
): AdaptiveCard {
  const index = stepIndexOf(step);
  const info = CLOSE_OUT_STEPS[index];
  const ref = { pirId: pir.id, revision: project.revision, step };
  const back = project.closeOut.returnToReview;
  const last = index === CLOSE_OUT_STEPS.length - 1;
  return buildFormCard({
    kicker: md`Close-out ${pir.reference ?? ''} · Step ${index + 1} of ${CLOSE_OUT_STEPS.length}`,
    title: botText(info?.title ?? ''),
    intro: botText(
      step === 'told' && linkable.length === 0
        ? `${info?.hint ?? ''} No “You said, we did” item gives this request’s reference yet: record them with **you said we did** and the reference, then link them here.`
        : (info?.hint ?? ''),
    ),
    ...options,
    fields: closeOutFields(step, linkable),
    values: project.closeOut.answers,
    buttons: [
      ...(index > 0 || back
        ? [{ title: back ? 'Back to review' : 'Back', verb: LifecycleVerb.back, data: ref, withInputs: false }]
        : []),
      { title: 'Save and finish later', verb: LifecycleVerb.save, data: ref, withInputs: true },
      {
        title: back ? 'Save and return to review' : last ? 'Next: review' : 'Next',
        verb: LifecycleVerb.next,
        data: ref,
        withInputs: true,
      },
    ],
  });
}
