import { botText, type CardText, lines, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { shorten } from '../../text/shorten.js';
import type { Overview, OverviewItem } from '../domain/overview.js';
import { endDateOf } from '../domain/stage.js';
import { ukDay } from './uk-day.js';

const SHOWN = 10;

function line(item: OverviewItem, detail: string): CardText {
  const { pir } = item;
  return md`- ${pir.reference ?? ''} “${shorten(pir.answers.title ?? 'Untitled', 80)}” (${pir.lead.name}): ${detail}`;
}

function section(heading: string, items: readonly OverviewItem[], detail: (i: OverviewItem) => string): CardText[] {
  if (items.length === 0) return [];
  const more = items.length > SHOWN ? [md`…and ${items.length - SHOWN} more.`] : [];
  return [
    botText(''),
    md`**${heading} (${items.length})**`,
    ...items.slice(0, SHOWN).map((i) => line(i, detail(i))),
    ...more,
  ];
}

const ended = (i: OverviewItem) => ukDay(endDateOf(i.pir, i.project) ?? '');

/** `close-outs` (PPI team): what is due for close-out, unanswered, with the team, ending soon, and what ended lately. */
export function buildCloseOutsCard(overview: Overview): AdaptiveCard {
  const body = [
    ...section('Due for close-out', overview.due, (i) => `ended ${ended(i)}`),
    ...section('Check-in not answered', overview.unanswered, (i) => `ended ${ended(i)}; reminder unanswered`),
    ...section(
      'Close-outs for you to review',
      overview.withPpiTeam,
      (i) => `sent ${ukDay(i.project.closeOut?.submittedAt ?? '')}`,
    ),
    ...section('Ending in the next four weeks', overview.endingSoon, (i) => `ends ${ended(i)}`),
    ...section('Closed or stopped in the last 90 days', overview.ended, (i) =>
      i.project.stopped
        ? `stopped ${ukDay(i.project.stopped.at)}`
        : `closed ${ukDay(i.project.closeOut?.closedAt ?? '')}`,
    ),
  ];
  return buildNoticeCard({
    title: botText('Projects after acceptance'),
    text: lines(
      md`${overview.running} running; ${overview.due.length + overview.unanswered.length} due for close-out; ${overview.withPpiTeam.length} close-outs to review.`,
      ...body,
    ),
  });
}
