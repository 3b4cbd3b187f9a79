import type { QuarterNumbering } from '../../calendar/report-quarter.js';
import { quarterFromKey } from '../../calendar/report-quarter.js';
import type { Downloads, ExportFile } from '../../exports/downloads.js';
import type { PpiRoles } from '../../ppi-team/store/ppi-roles.js';
import { toBoardReportCsv } from '../csv/board-report-csv.js';
import { buildBoardReport } from '../domain/build-board-report.js';
import { newsletterPeriodFromKey, newsletterText } from '../domain/newsletter.js';
import { renderBoardPaper } from '../paper/render-board-paper.js';
import { renderCommitteeReport } from '../paper/render-committee-report.js';
import { loadPeriodInputs, type PeriodSources } from '../store/load-period-inputs.js';

/** The three downloads of a quarter: the records as CSV (the name older links carry), the Board paper, the PIPEAC report. */
export const REPORT_EXPORTS = {
  csv: 'board-report',
  paper: 'board-paper',
  committee: 'committee-report',
  /** `newsletter <period>`: its signed-off items as a text file (its subject is a month or a quarter). */
  newsletter: 'newsletter',
} as const;

export interface ReportExportDeps {
  readonly sources: PeriodSources;
  readonly roles: PpiRoles;
  readonly downloads: Downloads;
  readonly numbering: QuarterNumbering;
  readonly now: () => Date;
}

/** Registers the exports (the quarter's three, and the newsletter's text); each checks again, when opened, that the person it was issued to is on the PPI team. */
export function registerReportExports(deps: ReportExportDeps): void {
  const build =
    (kind: keyof typeof REPORT_EXPORTS) =>
    async (key: string, by: string): Promise<ExportFile | undefined> => {
      const quarter = quarterFromKey(key, deps.numbering);
      if (!quarter || !(await deps.roles.isPpiTeam(by))) return undefined;
      const inputs = await loadPeriodInputs(deps.sources, quarter.period);
      const name = `ppi-${quarter.fileKey}`;
      if (kind === 'csv') return { filename: `${name}-records.csv`, body: toBoardReportCsv(inputs) };
      const report = buildBoardReport(inputs, quarter, deps.now());
      return kind === 'paper'
        ? { kind: 'html', filename: `${name}-board-paper.html`, body: renderBoardPaper(report) }
        : { kind: 'html', filename: `${name}-pipeac-report.html`, body: renderCommitteeReport(report) };
    };
  for (const kind of ['csv', 'paper', 'committee'] as const) deps.downloads.register(REPORT_EXPORTS[kind], build(kind));
  deps.downloads.register(REPORT_EXPORTS.newsletter, async (key, by): Promise<ExportFile | undefined> => {
    const chosen = newsletterPeriodFromKey(key, deps.numbering);
    if (!chosen || !(await deps.roles.isPpiTeam(by))) return undefined;
    const { text } = newsletterText(await loadPeriodInputs(deps.sources, chosen.period), chosen.name);
    return { kind: 'text', filename: `you-said-we-did-${key.replace(':', '-')}.txt`, body: text };
  });
}
