import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** One line of the reliability table printed at the end of the test run. */
export interface ReliabilityFigure {
  readonly scenario: string;
  readonly faults: number;
  readonly expected: number;
  readonly delivered: number;
  readonly duplicated: number;
  readonly lost: number;
  readonly note?: string;
}

/** Appends a figure to the run's log (test/global-setup.ts names the file and prints the table at teardown). */
export function recordReliability(figure: ReliabilityFigure): void {
  const file = process.env.PPI_RELIABILITY_LOG;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

export function reliabilityTable(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ReliabilityFigure);
  if (rows.length === 0) return undefined;
  const total = (key: 'faults' | 'expected' | 'delivered' | 'duplicated' | 'lost') =>
    rows.reduce((s, r) => s + r[key], 0);
  const lines = [
    '',
    'Reliability summary',
    '| scenario | faults injected | expected | delivered | duplicated | records lost | note |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.faults} | ${r.expected} | ${r.delivered} | ${r.duplicated} | ${r.lost} | ${r.note ?? ''} |`,
    ),
    `| **${rows.length} scenarios** | ${total('faults')} | ${total('expected')} | ${total('delivered')} | ${total('duplicated')} | ${total('lost')} | |`,
    '',
  ];
  return lines.join('\n');
}
