import template from '../../../cards/pir-review.json' with { type: 'json' };
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import { describeAnswers } from '../domain/describe-answers.js';
import type { Pir } from '../domain/pir.js';
import { incompleteSteps } from '../domain/pir-transitions.js';
import { stepInfo } from '../domain/steps.js';
import { PirVerb } from '../pir-verbs.js';

/** Every answer with an Edit per section, then Submit. */
export function buildReviewCard(pir: Pir, notice = ''): AdaptiveCard {
  const ref = { pirId: pir.id, revision: pir.revision };
  const missing = incompleteSteps(pir.answers);
  const comment =
    pir.status === 'changes-requested' && pir.assessment.comment
      ? `The PPI team asked for changes: “${pir.assessment.comment}”`
      : '';
  const missingText = missing.length > 0 ? `Still to answer: ${missing.map((s) => stepInfo(s).title).join(', ')}.` : '';
  const resubmit = pir.status === 'changes-requested';
  return renderCard(template, {
    heading: `Review your request${pir.reference ? ` ${pir.reference}` : ''}: ${pir.answers.title ?? 'untitled project'}`,
    intro: 'Check your answers. Use Edit to change a section; you will come back here afterwards.',
    notice: [notice, comment, missingText].filter((t) => t !== '').join(' '),
    sections: describeAnswers(pir.answers, 500).map((s) => ({
      ...s,
      verb: PirVerb.edit,
      data: { ...ref, step: s.step },
    })),
    actions: [
      { title: 'Save and finish later', verb: PirVerb.save, data: { ...ref, step: 'review' } },
      { title: resubmit ? 'Resubmit to the PPI team' : 'Submit to the PPI team', verb: PirVerb.submit, data: ref },
    ],
  });
}
