import template from '../../../cards/digest.json' with { type: 'json' };
import { type CardText, md, plain, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { formatUkDateKey } from '../../calendar/format-uk-date.js';
import { renderCard } from '../../cards/render-card.js';
import { YSWD_STATUSES } from '../../records/domain/record-kinds.js';
import { labelOf } from '../../reference-data/reference-data.js';
import { plural } from '../../text/plural.js';
import { shorten } from '../../text/shorten.js';
import type { Digest } from '../domain/build-digest.js';

/** Teams refuses messages over about 28 KB; the card stays under this, dropping the oldest items first. */
export const MAX_CARD_BYTES = 27_000;
const MAX_ITEMS = 10;

function render(digest: Digest, shown: number): AdaptiveCard {
  const items = digest.items.slice(0, shown);
  const hidden = digest.items.length - items.length;
  const maxRung = Math.max(1, ...digest.rungs.map((r) => r.count));
  const { feedback, champions } = digest;
  const rate = champions.asked > 0 ? ` (${Math.round((champions.answered / champions.asked) * 100)}%)` : '';
  return renderCard(template, {
    kicker: '“You said, we did” digest',
    heading: md`${digest.period.label}${digest.directorate ? ` · ${digest.directorate}` : ''}`,
    items: items.map((i) => ({
      style: i.joint ? 'good' : 'emphasis',
      badge: i.joint ? 'We said, we did: decided together with patients' : '',
      youSaid: plain(shorten(i.youSaid, 300)),
      outcome: plain(shorten(i.outcome, 300)),
      meta: md`${formatUkDateKey(i.date)} · ${i.directorate} · ${labelOf(YSWD_STATUSES, i.status)}`,
    })),
    more: hidden > 0 ? `…and ${hidden} more signed-off item${hidden === 1 ? '' : 's'} this period.` : '',
    engagement: plainFacts([
      ...digest.engagement.map((t) => ({
        label: t.category,
        value: `${plural(t.activities, 'activity', 'activities')} (${plural(t.people, 'person', 'people')})`,
      })),
      ...(digest.engagement.length > 0 ? [{ label: 'People reached', value: String(digest.peopleReached) }] : []),
    ]),
    facts: [
      {
        label: 'Feedback scores',
        value:
          feedback.responses > 0
            ? `valued ${feedback.valued}/10, impact ${feedback.impact}/10 (${plural(feedback.responses, 'form')}, ${plural(feedback.surveys, 'activity', 'activities')})`
            : 'no feedback forms this period',
      },
      { label: 'Involvement requests', value: `${digest.pirsReceived} received, ${digest.pirsAssessed} assessed` },
      { label: 'Champions who answered', value: `${champions.answered} of ${champions.asked} asked${rate}` },
    ],
    rungs: digest.rungs.map((r) => ({
      label: r.rung,
      count: String(r.count),
      bar: r.count,
      rest: Math.max(0.001, maxRung - r.count) + maxRung / 2,
    })),
  });
}

/** The digest as a compact card (under 28 KB, "and N more" when long). */
export function buildDigestCard(digest: Digest): AdaptiveCard {
  for (let shown = Math.min(MAX_ITEMS, digest.items.length); shown > 0; shown--) {
    const card = render(digest, shown);
    if (Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES) return card;
  }
  return render(digest, 0);
}

/** One line for a period with nothing new, instead of an empty card. */
export function nothingNewLine(digest: Digest): CardText {
  return md`Nothing new for ${digest.period.label}${digest.directorate ? ` (${digest.directorate})` : ''}: no signed-off “You said, we did” items, engagement, feedback or requests.`;
}
