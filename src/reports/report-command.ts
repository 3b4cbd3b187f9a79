import { plain } from '../bot/card-text.js';
import { type Answer, answer } from '../bot/router.js';
import type { Turn } from '../bot/turn.js';
import { CalendarInputError } from '../calendar/calendar-input-error.js';
import { parseReportQuarter, type ReportQuarter } from '../calendar/report-quarter.js';
import type { ReportVariant } from './cards/board-report-card.js';
import { readReportRequest } from './domain/report-request.js';
import { replyWithQuarterReport } from './handlers/quarter-report.js';
import { type ReportExportDeps, registerReportExports } from './handlers/report-exports.js';

export type ReportDeps = ReportExportDeps;

/** The quarter's CSV, Board paper and PIPEAC report; the person is checked again when a link is opened. */
export function registerBoardReportExport(deps: ReportDeps): void {
  registerReportExports(deps);
}

/** A report asked for: the quarter, and which report (the Board's, or the committee's for PIPEAC). */
export interface QuarterRequest {
  readonly quarter: ReportQuarter;
  readonly variant: ReportVariant;
}

/** What follows `report` (`Q3 2026/27`, `… for PIPEAC`, nothing for the last complete quarter), or what was wrong. */
export function readQuarterRequest(deps: Pick<ReportDeps, 'now' | 'numbering'>, text: string): QuarterRequest | Answer {
  const request = readReportRequest(text);
  try {
    return { quarter: parseReportQuarter(request.quarterText, deps.now(), deps.numbering), variant: request.variant };
  } catch (error) {
    if (error instanceof CalendarInputError) return answer(plain(error.message));
    throw error;
  }
}

/** `report Q3 2026/27` (PPI team): the Board summary card, and in a 1:1 chat links to the paper, PIPEAC report and CSV. */
export async function boardReport(turn: Turn, deps: ReportDeps, { quarter, variant }: QuarterRequest): Promise<void> {
  await replyWithQuarterReport(turn, deps, quarter, variant);
}
