import template from '../../../cards/pir-decision.json' with { type: 'json' };
import { md, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import { criteriaLines } from '../domain/decision-form.js';
import { type Pir, STATUS_LABELS } from '../domain/pir.js';
import { PirVerb } from '../pir-verbs.js';
import { numbered } from './assessment-card.js';

const NEXT_STEP: Partial<Record<Pir['status'], string>> = {
  accepted:
    'You can start involving patients as planned. The PPI team will be in touch about any support agreed. After the expected end date I will ask you to close the project out.',
  'accepted-with-conditions':
    'Please read the conditions below before you start; mark each one met from the request’s status. After the expected end date I will ask you to close the project out.',
  'changes-requested': 'Your request is open again: make the changes and resubmit it.',
  declined: 'If you have questions, reply to the PPI team directly.',
};

/** The message a lead gets for each PPI team decision. */
export function buildDecisionCard(pir: Pir): AdaptiveCard {
  const a = pir.assessment;
  const facts = [
    { label: 'Decided by', value: a.decidedBy?.name ?? 'The PPI team' },
    ...(a.comment ? [{ label: 'Comment', value: shorten(a.comment, 1000) }] : []),
    ...(a.conditions?.length ? [{ label: 'Conditions', value: numbered(a.conditions) }] : []),
    ...criteriaLines(a),
    ...(a.expectedRung
      ? [{ label: 'Expected involvement', value: labelOf(referenceData.ladderRungs, a.expectedRung) }]
      : []),
    ...(a.agreedSupport?.length
      ? [
          {
            label: 'Support agreed',
            value: a.agreedSupport.map((s) => labelOf(referenceData.ppiSupportOptions, s)).join(', '),
          },
        ]
      : []),
  ];
  const actions =
    pir.status === 'changes-requested'
      ? [{ title: 'Open my request', verb: PirVerb.resume, data: { pirId: pir.id } }]
      : [{ title: 'My requests', verb: PirVerb.list, data: {} }];
  return renderCard(template, {
    heading: md`${pir.reference ?? ''}: ${STATUS_LABELS[pir.status]}`,
    text: md`“${shorten(pir.answers.title ?? '', 150)}”. ${NEXT_STEP[pir.status] ?? ''}`,
    facts: plainFacts(facts),
    actions,
  });
}
