import type { BotRouter } from '../bot/router.js';
import type { HelpTopics } from '../help/help-topics.js';
import { boardReport, type ReportDeps, registerBoardReportExport } from './report-command.js';

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
    ],
  });
  registerBoardReportExport(deps);
  router.command(/^(board )?report(?:\s+(.*))?$/i, (turn, m) => boardReport(turn, deps, m[2] ?? ''));
}
