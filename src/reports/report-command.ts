import type { Turn } from '../bot/turn.js';
import { CalendarInputError } from '../calendar/calendar-input-error.js';
import { parseQuarter } from '../calendar/period.js';
import type { Downloads } from '../exports/downloads.js';
import type { PpiRoles } from '../ppi-team/ppi-roles.js';
import { buildBoardReportCard } from './board-report-card.js';
import { toBoardReportCsv } from './board-report-csv.js';
import { buildBoardReport } from './build-board-report.js';
import { loadPeriodInputs, type PeriodSources } from './load-period-inputs.js';

export const BOARD_REPORT_EXPORT = 'board-report';

export interface ReportDeps {
  readonly sources: PeriodSources;
  readonly roles: PpiRoles;
  readonly downloads: Downloads;
}

/** The CSV behind a quarter's report; the person is checked again when the link is opened. */
export function registerBoardReportExport(deps: ReportDeps): void {
  deps.downloads.register(BOARD_REPORT_EXPORT, async (quarter, by) => {
    if (!(await deps.roles.isPpiTeam(by))) return undefined;
    const inputs = await loadPeriodInputs(deps.sources, parseQuarter(quarter));
    return { filename: `ppi-board-report-${quarter}.csv`, body: toBoardReportCsv(inputs) };
  });
}

/** `report 2026-Q3` (PPI team): the Board summary card, and a link to the quarter's records as CSV. */
export async function boardReport(turn: Turn, deps: ReportDeps, text: string): Promise<void> {
  if (!(await deps.roles.isPpiTeam(turn.actor.id))) {
    await turn.say('Sorry, only members of the PPI team can produce the Board report.');
    return;
  }
  let quarter: ReturnType<typeof parseQuarter>;
  try {
    quarter = parseQuarter(text);
  } catch (error) {
    if (error instanceof CalendarInputError) return void (await turn.say(error.message));
    throw error;
  }
  const report = buildBoardReport(await loadPeriodInputs(deps.sources, quarter));
  const link = deps.downloads.linkFor(BOARD_REPORT_EXPORT, quarter.key, turn.actor.id);
  const footer = link
    ? `The underlying records: [download the CSV](${link.url}) (for you only; the link works for ${link.minutes} minutes).`
    : 'CSV download is off: set PUBLIC_BASE_URL so the bot can give download links.';
  await turn.say({ card: buildBoardReportCard(report, footer), summary: `PPI Board update ${quarter.label}` });
}
