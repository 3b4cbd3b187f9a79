import template from '../../../cards/pir-review.json' with { type: 'json' };
import { type CardText, md, plain, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { incompleteCloseOutSteps } from '../domain/close-out-changes.js';
import { CLOSE_OUT_STEPS } from '../domain/close-out-steps.js';
import { describeCloseOut } from '../domain/describe-project.js';
import type { CloseOut, Project } from '../domain/project.js';
import { LifecycleVerb } from '../lifecycle-verbs.js';

const titleOf = (id: string) => CLOSE_OUT_STEPS.find((s) => s.id === id)?.title ?? id;

/** The lead's close-out: every answer with an Edit per section, then Send to the PPI team. */
export function buildCloseOutReviewCard(
  pir: Pir,
  project: Project & { readonly closeOut: CloseOut },
  linkable: readonly Choice[],
  notice?: CardText,
): AdaptiveCard {
  const closeOut = project.closeOut;
  const ref = { pirId: pir.id, revision: project.revision };
  const missing = incompleteCloseOutSteps(closeOut.answers);
  const asked = closeOut.status === 'more-asked' ? closeOut.reviews.at(-1) : undefined;
  const askedText = asked ? md`The PPI team asked for more: “${asked.comment ?? ''}”` : undefined;
  const missingText = missing.length > 0 ? md`Still to answer: ${missing.map(titleOf).join(', ')}.` : undefined;
  return renderCard(template, {
    heading: md`Close-out of ${pir.reference ?? ''}: ${pir.answers.title ?? 'untitled project'}`,
    intro: 'Check your answers. Use Edit to change a section; you will come back here afterwards.',
    notice: [notice, askedText, missingText].filter((t) => t !== undefined).join(' '),
    sections: describeCloseOut(closeOut.answers, linkable).map((s) => ({
      title: plain(s.title),
      lines: plainFacts(s.lines),
      verb: LifecycleVerb.edit,
      data: { ...ref, step: s.step },
    })),
    actions: [
      { title: 'Save and finish later', verb: LifecycleVerb.save, data: { ...ref, step: 'review' } },
      {
        title: closeOut.round > 0 ? 'Send to the PPI team again' : 'Send to the PPI team',
        verb: LifecycleVerb.submit,
        data: ref,
      },
    ],
  });
}
