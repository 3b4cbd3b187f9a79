import template from '../../../cards/champions-catch-up.json' with { type: 'json' };
import { type CardText, md, plain, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { renderCard } from '../../cards/render-card.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import type { CatchUpSummary } from '../domain/catch-up.js';

const SHOWN = 8;

function dateOf(key: string): string {
  return formatUkDate(new Date(`${key}T12:00:00Z`));
}

interface Item {
  readonly directorate: CardText;
  readonly headline: CardText;
  readonly detail: CardText | '';
}

/** One part of the catch-up (at most eight shown), or the sentence for none. */
function section(title: string, items: readonly Item[], none: string) {
  const shown = items.slice(0, SHOWN);
  const hidden = items.length - shown.length;
  return { title, items: shown, more: hidden > 0 ? `…and ${hidden} more.` : shown.length === 0 ? none : '' };
}

/**
 * The card for the champions' catch-up meeting (every cadence, "to discuss ideas, challenges and achievements"): what
 * patients shaped, the reasons work went ahead without them, and the ideas champions offered at their check-ins.
 */
export function buildCatchUpCard(summary: CatchUpSummary, every: string): AdaptiveCard {
  const achievements = summary.highlights.map((h) => ({
    directorate: plain(h.directorate),
    headline: plain(shorten(h.project, 120)),
    detail: md`${shorten(h.shaped, 300)} (${labelOf(referenceData.ladderRungs, h.rungId)})`,
  }));
  const said = (list: CatchUpSummary['ideas']) =>
    list.map((s) => ({
      directorate: plain(s.directorate),
      headline: plain(shorten(s.text, 300)),
      detail: '' as const,
    }));
  return renderCard(template, {
    kicker: `Partnership champions · catch-up every ${every}`,
    heading: md`${dateOf(summary.fromDateKey)} to ${dateOf(summary.toDateKey)}`,
    facts: plainFacts([
      { label: 'Champions who answered', value: `${summary.answered} of ${summary.champions}` },
      { label: 'Involvement logged', value: String(summary.highlights.length) },
      { label: 'People involved', value: String(summary.peopleInvolved) },
    ]),
    sections: [
      section('Achievements', achievements, 'No involvement was logged by champions in this period.'),
      section(
        'Challenges: work that went ahead without patients, and why',
        said(summary.challenges),
        'No champion reported work without patients in this period.',
      ),
      section(
        'Ideas',
        said(summary.ideas),
        'No ideas were shared at check-ins in this period: bring one to the meeting.',
      ),
    ],
  });
}
