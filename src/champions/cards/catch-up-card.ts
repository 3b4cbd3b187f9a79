import template from '../../../cards/champions-catch-up.json' with { type: 'json' };
import { md, plain, plainFacts } from '../../bot/card-text.js';
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

/** The reminder for the champions' six-weekly meeting, with the period's highlights (at most eight shown). */
export function buildCatchUpCard(summary: CatchUpSummary): AdaptiveCard {
  const shown = summary.highlights.slice(0, SHOWN);
  const hidden = summary.highlights.length - shown.length;
  return renderCard(template, {
    heading: md`${dateOf(summary.fromDateKey)} to ${dateOf(summary.toDateKey)}`,
    facts: plainFacts([
      { label: 'Champions who answered', value: `${summary.answered} of ${summary.champions}` },
      { label: 'Involvement logged', value: String(summary.highlights.length) },
      { label: 'People involved', value: String(summary.peopleInvolved) },
    ]),
    highlights: shown.map((h) => ({
      directorate: plain(h.directorate),
      project: plain(shorten(h.project, 120)),
      shaped: md`${shorten(h.shaped, 300)} (${labelOf(referenceData.ladderRungs, h.rungId)})`,
    })),
    more:
      hidden > 0
        ? `…and ${hidden} more.`
        : shown.length === 0
          ? 'No involvement was logged by champions in this period.'
          : '',
  });
}
