import type { BotRouter } from '../bot/router.js';
import type { HelpTopics } from '../help/help-topics.js';
import { boardReport, type ReportDeps, registerBoardReportExport } from './report-command.js';

/** The quarterly Trust Board PPI update: `report 2026-Q3` (PPI team), with its CSV export. */
export function registerReports(router: BotRouter, deps: ReportDeps & { topics: HelpTopics }): void {
  deps.topics.add({
    heading: 'Trust Board report',
    commands: [{ command: 'report 2026-Q3', description: 'PPI team: the quarter’s Board summary and its CSV.' }],
  });
  registerBoardReportExport(deps);
  router.command(/^(board )?report\s+(.+)$/i, (turn, m) => boardReport(turn, deps, m[2] ?? ''));
}
