import type { BotRouter, CardData } from '../bot/router.js';
import { londonDateKey } from '../calendar/london-time.js';
import { quarterFromKey } from '../calendar/report-quarter.js';
import { readForm } from '../forms/read-form.js';
import type { HelpTopics } from '../help/help-topics.js';
import { quarterChoices, quarterForm } from './domain/quarter-choices.js';
import { newsletter, readNewsletterPeriod } from './handlers/newsletter.js';
import { quarterReportCard } from './handlers/quarter-report.js';
import {
  boardReport,
  type QuarterRequest,
  type ReportDeps,
  readQuarterRequest,
  registerBoardReportExport,
} from './report-command.js';
import { ReportVerb } from './reports-verbs.js';

/** "Show that quarter": one of the quarters offered (checked against the list), and which report it was. */
function readChosenQuarter(deps: ReportDeps, raw: CardData): QuarterRequest | undefined {
  const read = readForm(quarterForm(quarterChoices(londonDateKey(deps.now()), deps.numbering)), raw);
  const quarter = read.ok ? quarterFromKey(String(read.values.quarter), deps.numbering) : undefined;
  return quarter ? { quarter, variant: raw.variant === 'committee' ? 'committee' : 'board' } : undefined;
}

/** The quarterly Trust Board PPI update: `report Q3 2026/27` (PPI team), with its paper, PIPEAC report and CSV. */
export function registerReports(router: BotRouter, deps: ReportDeps & { topics: HelpTopics }): void {
  deps.topics.add({
    heading: 'Trust Board report',
    commands: [
      {
        command: 'report Q3 2026/27',
        description:
          'PPI team: a financial-year quarter’s Board summary (plain “report” gives the last complete quarter); in our 1:1 chat, the Board paper, PIPEAC report and CSV.',
      },
      { command: 'report Q3 2026/27 for PIPEAC', description: 'PPI team: the committee report for PIPEAC.' },
      {
        command: 'newsletter November 2026',
        description:
          'PPI team: the month’s (or a quarter’s) signed-off “You said, we did” items as plain text for a patient newsletter or web page; a download in our 1:1 chat.',
      },
    ],
  });
  deps.topics.addToMenu('ppi-team', { title: 'Quarterly Board report', command: 'report', rank: 10 });
  registerBoardReportExport(deps);
  router.command(
    {
      name: 'newsletter November 2026',
      pattern: /^newsletter(?:\s+(.*))?$/i,
      who: 'ppi-team',
      where: 'anywhere',
      data: (m) => readNewsletterPeriod(deps, m[1] ?? ''),
      phrases: ['newsletter', 'patient newsletter', 'you said we did newsletter', 'newsletter text'],
    },
    (turn, chosen) => newsletter(turn, deps, chosen),
  );
  router.command(
    {
      name: 'report Q3 2026/27',
      pattern: /^(board |quarterly |trust board )?report(?:\s+(.*))?$/i,
      who: 'ppi-team',
      where: 'anywhere',
      data: (m) => readQuarterRequest(deps, m[2] ?? ''),
      phrases: ['report', 'board report', 'quarterly report', 'trust board report'],
    },
    (turn, request) => boardReport(turn, deps, request),
  );
  router.cardAction(
    { verb: ReportVerb.quarter, who: 'ppi-team', where: 'anywhere', data: (raw) => readChosenQuarter(deps, raw) },
    (turn, { quarter, variant }) => quarterReportCard(turn, deps, quarter, variant),
  );
}
