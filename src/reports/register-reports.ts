import type { BotRouter } from '../bot/router.js';
import type { HelpTopics } from '../help/help-topics.js';
import { newsletter, readNewsletterPeriod } from './handlers/newsletter.js';
import { boardReport, type ReportDeps, readQuarterRequest, registerBoardReportExport } from './report-command.js';

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
  registerBoardReportExport(deps);
  router.command(
    {
      name: 'newsletter November 2026',
      pattern: /^newsletter(?:\s+(.*))?$/i,
      who: 'ppi-team',
      where: 'anywhere',
      data: (m) => readNewsletterPeriod(deps, m[1] ?? ''),
    },
    (turn, chosen) => newsletter(turn, deps, chosen),
  );
  router.command(
    {
      name: 'report Q3 2026/27',
      pattern: /^(board )?report(?:\s+(.*))?$/i,
      who: 'ppi-team',
      where: 'anywhere',
      data: (m) => readQuarterRequest(deps, m[2] ?? ''),
    },
    (turn, request) => boardReport(turn, deps, request),
  );
}
