import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * One line of the reliability table printed at the end of the test run. Every figure is counted from what the test
 * observed (connector calls, stored rows, answers), and recorded before the test's assertions, so a failing run prints
 * its real figures. `null`: the column means nothing for this scenario (printed as a dash), never a typed-in zero.
 */
export interface ReliabilityFigure {
  readonly scenario: string;
  readonly faults: number;
  readonly expected: number;
  readonly delivered: number;
  readonly duplicated: number | null;
  readonly lost: number | null;
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
    rows.reduce((s, r) => s + (r[key] ?? 0), 0);
  const shown = (n: number | null) => (n === null ? '—' : String(n));
  const lines = [
    '',
    'Reliability summary',
    '| scenario | faults injected | expected | delivered | duplicated | lost | note |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.faults} | ${r.expected} | ${r.delivered} | ${shown(r.duplicated)} | ${shown(r.lost)} | ${r.note ?? ''} |`,
    ),
    `| **${rows.length} scenarios** | ${total('faults')} | ${total('expected')} | ${total('delivered')} | ${total('duplicated')} | ${total('lost')} | |`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Delivered, duplicated and lost, counted from what was observed: `expected` names each message that should arrive
 * once (a conversation, a request reference), `seen` names each one that did arrive (one entry per arrival).
 */
export function deliveryFigures(expected: readonly string[], seen: readonly string[]) {
  const counts = new Map<string, number>();
  for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  return {
    expected: expected.length,
    delivered: expected.filter((key) => counts.has(key)).length,
    duplicated: expected.filter((key) => (counts.get(key) ?? 0) > 1).length,
    lost: expected.filter((key) => !counts.has(key)).length,
  };
}
