/** One line of the results table. */
export interface Row {
  readonly scenario: string;
  readonly figure: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly pass: boolean | undefined;
}

export function renderTable(rows: readonly Row[]): string {
  const head = '| scenario | figure | baseline | ratio | target | result |\n|---|---|---|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.figure} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.pass === undefined ? 'report' : r.pass ? 'PASS' : 'FAIL'} |`,
  );
  return [head, ...lines].join('\n');
}
