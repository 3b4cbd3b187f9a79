import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toBoardReportCsv } from '../src/reports/csv/board-report-csv.js';
import { buildBoardReport } from '../src/reports/domain/build-board-report.js';
import { renderBoardPaper } from '../src/reports/paper/render-board-paper.js';
import { renderCommitteeReport } from '../src/reports/paper/render-committee-report.js';
import { q3Inputs } from '../test/reports/q3-fixture.js';
import { Q3_2026_27 } from '../test/reports/report-fixtures.js';

/**
 * `npm run report:sample`: the Board paper, the PIPEAC report and the CSV for the fixed Q3 2026/27 test fixture,
 * written to build/report-sample/ so anyone can open them in a browser (or Excel) without Teams.
 */
const outDir = fileURLToPath(new URL('../build/report-sample', import.meta.url));
const inputs = q3Inputs();
const report = buildBoardReport(inputs, Q3_2026_27, new Date('2027-01-05T10:00:00Z'));
mkdirSync(outDir, { recursive: true });
const files: [string, string][] = [
  ['board-paper.html', renderBoardPaper(report)],
  ['pipeac-report.html', renderCommitteeReport(report)],
  ['records.csv', toBoardReportCsv(inputs)],
];
for (const [name, body] of files) {
  const path = join(outDir, name);
  writeFileSync(path, body);
  console.log(`wrote ${relative(process.cwd(), path)} (${Buffer.byteLength(body)} bytes)`);
}
