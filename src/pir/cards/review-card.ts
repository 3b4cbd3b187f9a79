import template from '../../../cards/pir-review.json' with { type: 'json' };
import { type CardText, md, plain, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import { describeAnswers } from '../domain/describe-answers.js';
import type { Pir } from '../domain/pir.js';
import { incompleteSteps } from '../domain/pir-transitions.js';
import type { PirLists } from '../domain/step-fields.js';
import { stepInfo } from '../domain/steps.js';
import { PirVerb } from '../pir-verbs.js';

/** Every answer with an Edit per section, then Submit. */
export function buildReviewCard(pir: Pir, lists: PirLists, notice?: CardText): AdaptiveCard {
  const ref = { pirId: pir.id, revision: pir.revision };
  const missing = incompleteSteps(pir.answers);
  const comment =
    pir.status === 'changes-requested' && pir.assessment.comment
      ? md`The PPI team asked for changes: “${pir.assessment.comment}”`
      : undefined;
  const missingText =
    missing.length > 0 ? md`Still to answer: ${missing.map((s) => stepInfo(s).title).join(', ')}.` : undefined;
  const resubmit = pir.status === 'changes-requested';
  return renderCard(template, {
    heading: md`Review your request${pir.reference ? ` ${pir.reference}` : ''}: ${pir.answers.title ?? 'untitled project'}`,
    intro: 'Check your answers. Use Edit to change a section; you will come back here afterwards.',
    notice: [notice, comment, missingText].filter((t) => t !== undefined).join(' '),
    sections: describeAnswers(pir.answers, lists, 500).map((s) => ({
      title: plain(s.title),
      lines: plainFacts(s.lines),
      verb: PirVerb.edit,
      data: { ...ref, step: s.step },
    })),
    actions: [
      { title: 'Save and finish later', verb: PirVerb.save, data: { ...ref, step: 'review' } },
      { title: resubmit ? 'Resubmit to the PPI team' : 'Submit to the PPI team', verb: PirVerb.submit, data: ref },
    ],
  });
}
