import { botText, type CardText, lines, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';
import { describeCloseOut, rungsOf } from '../domain/describe-project.js';
import { REVIEW_FORM } from '../domain/lifecycle-forms.js';
import type { CloseOut, Project } from '../domain/project.js';
import { LifecycleVerb } from '../lifecycle-verbs.js';
import { ukDay } from './uk-day.js';

/** Long answers are shortened on the channel card (Teams keeps cards small); the lead's own card shows them whole. */
const CHANNEL_MAX = 600;

export interface ReviewCardOptions extends InputState {
  readonly notice?: CardText;
}

/** A close-out on the PPI team's card, with the directorates to name it by. */
export type ReviewedProject = Project & { readonly closeOut: CloseOut };

function stateLine(closeOut: CloseOut): CardText {
  const last = closeOut.reviews.at(-1);
  if (closeOut.status === 'accepted') {
    return md`Closed: accepted by ${last?.by.name ?? 'the PPI team'} on ${ukDay(closeOut.closedAt ?? '')}.`;
  }
  if (closeOut.status === 'submitted') {
    return md`Sent for review on ${ukDay(closeOut.submittedAt ?? '')}${closeOut.round > 1 ? ` (time ${closeOut.round})` : ''}.`;
  }
  return md`More asked for by ${last?.by.name ?? 'the PPI team'}: “${shorten(last?.comment ?? '', 300)}”. Waiting for the lead.`;
}

/**
 * The PPI team's card for a close-out (its channel, like the request's assessment card): the answers, then accept and
 * close, ask for more (with a comment), or save the Patient Partners' evaluation, which can be added after closing too.
 */
export function buildPpiReviewCard(
  pir: Pir,
  project: ReviewedProject,
  directorates: readonly ListEntry[],
  options: ReviewCardOptions = {},
): AdaptiveCard {
  const closeOut = project.closeOut;
  const ref = { leadId: pir.lead.id, pirId: pir.id, round: closeOut.round };
  const rungs = rungsOf(pir, project);
  const answers = describeCloseOut(closeOut.answers, [], CHANNEL_MAX).flatMap((s) => [
    md`**${s.title}**`,
    ...s.lines.map((l) => md`${l.label}: ${l.value}`),
  ]);
  const evaluation = closeOut.evaluation;
  const open = closeOut.status === 'submitted';
  return buildFormCard({
    kicker: botText(open ? 'Close-out for review' : 'Close-out'),
    title: md`${pir.reference ?? ''}: ${shorten(pir.answers.title ?? 'Untitled', 150)}`,
    intro: lines(
      stateLine(closeOut),
      md`Lead: ${pir.lead.name} · ${labelFrom(directorates, pir.answers.directorate)}`,
      md`Rung planned: ${rungs.planned} · expected: ${rungs.expected} · reached: ${rungs.achieved}`,
      botText(''),
      ...answers,
    ),
    ...options,
    values: { evaluationOwn: evaluation?.own ?? '', evaluationWider: evaluation?.wider ?? '', ...options.values },
    fields: open ? REVIEW_FORM.fields : REVIEW_FORM.fields.filter((f) => f.key !== 'comment'),
    buttons:
      closeOut.status === 'more-asked'
        ? []
        : [
            ...(open
              ? [
                  { title: 'Accept and close', verb: LifecycleVerb.accept, data: ref, withInputs: true },
                  { title: 'Ask for more', verb: LifecycleVerb.more, data: ref, withInputs: true },
                ]
              : []),
            { title: 'Save the evaluation', verb: LifecycleVerb.evaluation, data: ref, withInputs: true },
          ],
  });
}
