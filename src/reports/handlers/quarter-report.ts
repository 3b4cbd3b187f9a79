import { botText, md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { londonDateKey } from '../../calendar/london-time.js';
import type { ReportQuarter } from '../../calendar/report-quarter.js';
import { buildBoardReportCard, type CardDownload, type ReportVariant } from '../cards/board-report-card.js';
import { buildBoardReport } from '../domain/build-board-report.js';
import { quarterChoices } from '../domain/quarter-choices.js';
import { loadPeriodInputs } from '../store/load-period-inputs.js';
import { REPORT_EXPORTS, type ReportExportDeps } from './report-exports.js';

function downloadsFor(deps: ReportExportDeps, quarter: ReportQuarter, by: string, variant: ReportVariant) {
  const link = (name: string) => deps.downloads.linkFor(name, quarter.period.key, by);
  const paper = link(REPORT_EXPORTS.paper);
  const committee = link(REPORT_EXPORTS.committee);
  const csv = link(REPORT_EXPORTS.csv);
  if (!paper || !committee || !csv) return undefined;
  const board: CardDownload = { title: 'Open the Board paper', url: paper.url };
  const pipeac: CardDownload = { title: 'Open the PIPEAC report', url: committee.url };
  return {
    minutes: paper.minutes,
    list: [
      ...(variant === 'committee' ? [pipeac, board] : [board, pipeac]),
      { title: 'Download the records (CSV)', url: csv.url },
    ],
  };
}

/**
 * Loads the quarter, builds the report and gives its summary card, with "Another quarter" to choose others.
 * Download links are personal (anyone holding one can open it until it expires), so they are offered only in a
 * 1:1 chat.
 */
export async function quarterReportCard(
  turn: Turn,
  deps: ReportExportDeps,
  quarter: ReportQuarter,
  variant: ReportVariant,
): Promise<AdaptiveCard> {
  const report = buildBoardReport(await loadPeriodInputs(deps.sources, quarter.period), quarter, deps.now());
  const command = `report ${quarter.name}${variant === 'committee' ? ' for PIPEAC' : ''}`;
  const personal = turn.conversation.kind === 'personal';
  const links = personal ? downloadsFor(deps, quarter, turn.actor.id, variant) : undefined;
  const footer = !personal
    ? md`For the Board paper, the PIPEAC report and the CSV, send me **${command}** in our 1:1 chat: download links are personal.`
    : links
      ? md`The Board paper, the PIPEAC report and the records are for you only; the links work for ${links.minutes} minutes.`
      : botText('Downloads are off: set PUBLIC_BASE_URL so the bot can give download links.');
  const quarters = quarterChoices(londonDateKey(deps.now()), deps.numbering);
  return buildBoardReportCard(report, { variant, footer, downloads: links?.list ?? [], quarters });
}

/** The report as a reply to `report …`. */
export async function replyWithQuarterReport(
  turn: Turn,
  deps: ReportExportDeps,
  quarter: ReportQuarter,
  variant: ReportVariant,
): Promise<void> {
  await turn.say({
    card: await quarterReportCard(turn, deps, quarter, variant),
    summary: `PPI ${variant === 'committee' ? 'PIPEAC report' : 'Board update'} ${quarter.name}`,
  });
}
