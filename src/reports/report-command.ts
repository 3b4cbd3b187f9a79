import type { Turn } from '../bot/turn.js';
import { CalendarInputError } from '../calendar/calendar-input-error.js';
import { parseReportQuarter } from '../calendar/report-quarter.js';
import { readReportRequest } from './domain/report-request.js';
import { replyWithQuarterReport } from './handlers/quarter-report.js';
import { type ReportExportDeps, registerReportExports } from './handlers/report-exports.js';

export type ReportDeps = ReportExportDeps;

/** The quarter's CSV, Board paper and PIPEAC report; the person is checked again when a link is opened. */
export function registerBoardReportExport(deps: ReportDeps): void {
  registerReportExports(deps);
}

/** `report Q3 2026/27` (PPI team): the Board summary card, and in a 1:1 chat links to the paper, PIPEAC report and CSV. */
export async function boardReport(turn: Turn, deps: ReportDeps, text: string): Promise<void> {
  if (!(await deps.roles.isPpiTeam(turn.actor.id))) {
    await turn.say('Sorry, only members of the PPI team can produce the Board report.');
    return;
  }
  const request = readReportRequest(text);
  let quarter: ReturnType<typeof parseReportQuarter>;
  try {
    quarter = parseReportQuarter(request.quarterText, deps.now(), deps.numbering);
  } catch (error) {
    if (error instanceof CalendarInputError) return void (await turn.say(error.message));
    throw error;
  }
  await replyWithQuarterReport(turn, deps, quarter, request.variant);
}
