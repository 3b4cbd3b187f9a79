import template from '../../cards/board-report.json' with { type: 'json' };
import type { AdaptiveCard } from '../bot/turn.js';
import { renderCard } from '../cards/render-card.js';
import { shorten } from '../pir/domain/describe-answers.js';
import type { BoardReport } from './build-board-report.js';
import { MAX_CARD_BYTES } from './digest-card.js';

type Fact = { label: string; value: string };
const none = (facts: Fact[], text: string): Fact[] => (facts.length > 0 ? facts : [{ label: '—', value: text }]);

function sections(r: BoardReport, limit: number) {
  const rate = r.champions.active > 0 ? Math.round((r.champions.answered / r.champions.active) * 100) : 0;
  return [
    {
      title: `Patient Involvement Requests received: ${r.pirsReceived}`,
      facts: none(
        [
          ...r.byStatus.map((c) => ({ label: c.label, value: String(c.count) })),
          ...r.byDirectorate.slice(0, limit).map((c) => ({ label: c.label, value: String(c.count) })),
        ],
        'none this quarter',
      ),
    },
    {
      title: 'Ladder of engagement: planned by leads vs expected by the PPI team',
      facts: none(
        r.rungs.map((x) => ({ label: x.rung, value: `${x.planned} planned · ${x.expected} expected` })),
        'no requests',
      ),
    },
    {
      title: 'Projects with no involvement, and the reasons given',
      facts: none(
        [
          ...r.noInvolvement
            .slice(0, limit)
            .map((x) => ({ label: x.reference, value: `${shorten(x.title, 80)}: ${shorten(x.reason, 200)}` })),
          ...r.nothingToReport
            .slice(0, limit)
            .map((x) => ({ label: `${x.directorate} (champion)`, value: shorten(x.reason, 200) })),
        ],
        'none',
      ),
    },
    {
      title: `Engagement: ${r.peopleReached} people reached`,
      facts: none(
        r.engagement.map((t) => ({ label: t.category, value: `${t.activities} activities, ${t.people} people` })),
        'no engagement recorded',
      ),
    },
    {
      title: 'Feedback from participants',
      facts: [
        {
          label: 'Scores (1–10)',
          value:
            r.feedback.responses > 0
              ? `felt valued ${r.feedback.valued} · impact ${r.feedback.impact} (${r.feedback.responses} forms from ${r.feedback.surveys} activities)`
              : 'no feedback forms this quarter',
        },
      ],
    },
    {
      title: `“You said, we did”: ${r.approvedItems} signed off`,
      facts: none(
        r.highlights.slice(0, limit).map((h) => ({
          label: h.joint ? 'We said, we did' : h.directorate,
          value: `${shorten(h.youSaid, 150)} → ${shorten(h.outcome, 150)}`,
        })),
        'none signed off this quarter',
      ),
    },
    {
      title: 'Partnership champions',
      facts: [
        { label: 'Answered their check-in', value: `${r.champions.answered} of ${r.champions.active} (${rate}%)` },
      ],
    },
  ];
}

/** A Board-ready summary card for a quarter (under 28 KB). */
export function buildBoardReportCard(report: BoardReport, footer: string): AdaptiveCard {
  for (let limit = 10; limit > 0; limit--) {
    const card = renderCard(template, { heading: report.period.label, sections: sections(report, limit), footer });
    if (Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES || limit === 1) return card;
  }
  return renderCard(template, { heading: report.period.label, sections: sections(report, 1), footer });
}
