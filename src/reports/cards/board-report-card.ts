import template from '../../../cards/board-report.json' with { type: 'json' };
import { type CardText, plain, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import { formInputs } from '../../forms/form-inputs.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { plural } from '../../text/plural.js';
import type { BoardReport } from '../domain/board-report.js';
import { quarterForm } from '../domain/quarter-choices.js';
import { ReportVerb } from '../reports-verbs.js';

type Fact = { label: string; value: string };
export type ReportVariant = 'board' | 'committee';

/** A download offered on the card (only in a 1:1 chat: each link is for the person it was issued to). */
export interface CardDownload {
  readonly title: string;
  readonly url: string;
}

const pct = (part: number, whole: number) => (whole > 0 ? ` (${Math.round((part / whole) * 100)}%)` : '');
const score = (mean: number | undefined) => (mean === undefined ? 'no forms' : `${mean} out of 10`);

function boardSections(r: BoardReport): { title: string; facts: Fact[] }[] {
  const { requests, reached, champions, loop } = r;
  return [
    {
      title: 'Activity',
      facts: [
        { label: 'Requests received', value: `${requests.received} (${requests.assessed} assessed this quarter)` },
        {
          label: 'Aiming for engagement or higher',
          value: `${requests.topThreePlanned} of ${requests.received}${pct(requests.topThreePlanned, requests.received)}`,
        },
        { label: 'Aiming lower', value: `${plural(requests.limited.length, 'request')} below engagement` },
        {
          label: 'Close-outs completed',
          value: r.closeOuts.completed.recorded ? String(r.closeOuts.completed.value) : 'not recorded yet',
        },
      ],
    },
    {
      title: `People reached: ${reached.total}`,
      facts: [
        ...(reached.byCategory.length > 0 ? [] : [{ label: 'Engagement', value: 'none recorded this quarter' }]),
        ...reached.byCategory.map((c) => ({
          label: c.category,
          value: `${plural(c.activities, 'activity', 'activities')}, ${plural(c.people, 'person', 'people')}`,
        })),
        ...(reached.sameEvents > 0
          ? [
              {
                label: 'Reported twice',
                value:
                  reached.sameEvents === 1
                    ? '1 champion’s log was also an engagement record, counted once'
                    : `${reached.sameEvents} champions’ logs were also engagement records, counted once`,
              },
            ]
          : []),
      ],
    },
    {
      title: 'Partnership champions',
      facts: [
        {
          label: 'Answered a check-in',
          value: `${champions.answered} of ${champions.asked} asked${pct(champions.answered, champions.asked)}`,
        },
        { label: 'Check-ins answered', value: `${champions.checkInsAnswered} of ${champions.checkInsDue} due` },
        { label: 'Work without patients', value: `${plural(r.whyNot.length, 'reason')} given (in the paper)` },
      ],
    },
    {
      title: 'Closing the loop',
      facts: [
        { label: '“You said, we did” signed off', value: String(loop.signedOff) },
        { label: '“We said, we did”', value: String(loop.weSaidWeDid) },
        { label: 'Could not change (with reasons)', value: String(loop.couldNotChange) },
        {
          label: 'Participants told',
          value: loop.told.recorded ? `${loop.told.value.told} of ${loop.told.value.of}` : 'not recorded yet',
        },
      ],
    },
    feedbackSection(r),
  ];
}

function feedbackSection(r: BoardReport): { title: string; facts: Fact[] } {
  const f = r.feedback;
  return {
    title: `Participant feedback: ${plural(f.forms, 'form')} from ${plural(f.activities, 'activity', 'activities')}`,
    facts: [
      { label: 'Felt valued by the project lead', value: score(f.valued.mean) },
      { label: 'Expect an impact', value: score(f.impact.mean) },
      { label: 'Could express all their views', value: `${f.expressedAllViews.yes} yes, ${f.expressedAllViews.no} no` },
      { label: 'Would take part again', value: `${f.takePartAgain.yes} yes, ${f.takePartAgain.no} no` },
    ],
  };
}

function committeeSections(r: BoardReport): { title: string; facts: Fact[] }[] {
  const coProduction = r.reached.byCategory.find((c) => c.id === 'co-production')?.activities ?? 0;
  return [
    {
      title: 'Successes and good practice',
      facts: [
        { label: '“We said, we did”', value: String(r.loop.weSaidWeDid) },
        { label: 'Changes made', value: String(r.loop.changed) },
        { label: 'Co-production activities', value: String(coProduction) },
        { label: 'Work patients shaped (champions)', value: String(r.impact.shapedByPatients.length) },
      ],
    },
    {
      title: 'Learning from engagement',
      facts: [{ label: 'Collated feedback entries', value: String(r.learning.length) }],
    },
    feedbackSection(r),
  ];
}

/** Every title and fact shown literally (category and directorate names are typed by people). */
const shownAsTyped = (sections: { title: string; facts: Fact[] }[]) =>
  sections.map((s) => ({ title: plain(s.title), facts: plainFacts(s.facts) }));

/** The quarter's summary for Teams, with the Board paper, the PIPEAC report and the CSV as downloads when given. */
export function buildBoardReportCard(
  report: BoardReport,
  options: {
    variant: ReportVariant;
    footer: CardText;
    downloads: readonly CardDownload[];
    /** The quarters "Another quarter" offers (none: no picker). */
    quarters?: readonly Choice[];
  },
): AdaptiveCard {
  const committee = options.variant === 'committee';
  const quarters = options.quarters ?? [];
  return renderCard(template, {
    kicker: committee
      ? 'PIPEAC · Patient Involvement and Patient Experience Assurance Committee'
      : 'Trust Board · Patient and Public Involvement update',
    heading: plain(`${report.quarter.name}: ${report.quarter.months}${report.inProgress ? ' (to date)' : ''}`),
    note: plain(report.quarter.note ?? ''),
    sections: shownAsTyped(committee ? committeeSections(report) : boardSections(report)),
    footer: options.footer,
    downloads: options.downloads,
    quarterInputs: formInputs(quarterForm(quarters).fields, { values: { quarter: report.quarter.period.key } }),
    hasQuarters: quarters.length > 0,
    quarterVerb: ReportVerb.quarter,
    quarterData: { variant: options.variant },
  });
}
