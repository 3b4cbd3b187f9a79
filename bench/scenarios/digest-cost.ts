import { type Period, periodContaining } from '../../src/calendar/period.js';
import { quarterStarting } from '../../src/calendar/report-quarter.js';
import { openStores } from '../../src/compose/open-stores.js';
import { monthOf, type RecordDoc } from '../../src/records/domain/record-doc.js';
import { quarterOfMonth, recordPartition } from '../../src/records/store/table-record-store.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { buildDigest } from '../../src/reports/domain/build-digest.js';
import { loadPeriodInputs } from '../../src/reports/store/load-period-inputs.js';
import { bulkInsert } from '../lib/bulk.js';
import { type BenchContext, scaled } from '../lib/context.js';
import { mediansTakingTurns, ms } from '../lib/stats.js';
import type { Row } from '../lib/table.js';
import { benchTable, newPrefix } from '../lib/tables.js';

const author = { id: 'aad-bench', name: 'Bench' };

function doc(i: number, date: string): RecordDoc {
  const yswd = i % 2 === 0;
  return {
    id: `r-${i}`,
    kind: yswd ? 'yswd' : 'engagement',
    date,
    directorate: 'finance',
    ...(yswd ? {} : { category: 'involving' }),
    values: yswd
      ? { youSaid: `Item ${i}`, outcome: 'we-did', weDid: 'Done', status: 'done', joint: i % 10 === 0 }
      : { activity: 'focus-group', people: 10, fu0: 'Focus group' },
    author,
    createdAt: `${date}T10:00:00.000Z`,
    updatedAt: `${date}T10:00:00.000Z`,
    revision: 1,
    ...(yswd ? { approval: { status: 'approved' as const, by: author, at: `${date}T12:00:00.000Z` } } : {}),
  };
}

/** A date in 2022–2026 outside `period`, spread evenly. */
function otherDate(i: number, period: Period): string {
  for (let k = 0; ; k++) {
    const day = new Date(Date.UTC(2022, 0, 1) + ((i * 7 + k) % 1826) * 86_400_000).toISOString().slice(0, 10);
    if (day < period.startKey || day > period.endKey) return day;
  }
}

function inPeriod(i: number, period: Period): string {
  const start = Date.parse(`${period.startKey}T12:00:00Z`);
  const days = Math.round((Date.parse(`${period.endKey}T12:00:00Z`) - start) / 86_400_000) + 1;
  return new Date(start + (i % days) * 86_400_000).toISOString().slice(0, 10);
}

async function seeded(ctx: BenchContext, docs: RecordDoc[]) {
  const prefix = newPrefix();
  const stores = await openStores(ctx.connectionString, prefix);
  for (const quarter of new Set(docs.map((d) => quarterOfMonth(monthOf(d.date))))) {
    const table = await benchTable<RecordDoc>(ctx.connectionString, prefix, `Records${quarter}`);
    const ofQuarter = docs.filter((d) => quarterOfMonth(monthOf(d.date)) === quarter);
    await bulkInsert(
      table,
      ofQuarter.map((d) => ({ pk: recordPartition(d.kind, monthOf(d.date)), rk: d.id, value: d })),
    );
  }
  return stores;
}

/** Scenario 5: 200,000 records over five years, 500 in the period: digest and report time vs only those 500. */
export async function digestCost(ctx: BenchContext): Promise<Row[]> {
  const total = scaled(ctx, 200_000);
  const month = periodContaining('monthly', new Date('2026-11-15T12:00:00Z'));
  const boardQuarter = quarterStarting(2026, 7, 'financial');
  const quarter = boardQuarter.period;
  const producedAt = new Date('2026-11-23T10:00:00Z');
  const rows: Row[] = [];
  for (const [name, period, build] of [
    [
      'digest (November 2026)',
      month,
      (s: Awaited<ReturnType<typeof seeded>>) => loadPeriodInputs(s, month).then((i) => buildDigest(i)),
    ],
    [
      'Board report (Q2 2026/27)',
      quarter,
      (s: Awaited<ReturnType<typeof seeded>>) =>
        loadPeriodInputs(s, quarter).then((i) => buildBoardReport(i, boardQuarter, producedAt)),
    ],
  ] as const) {
    ctx.log(`${name}: seeding ${total} records over five years, 500 in the period, and a baseline with only those 500`);
    const inside = Array.from({ length: 500 }, (_, i) => doc(i, inPeriod(i, period)));
    const outside = Array.from({ length: total - 500 }, (_, i) => doc(500 + i, otherDate(i, period)));
    const full = await seeded(ctx, [...inside, ...outside]);
    const only = await seeded(ctx, inside);
    let read = 0;
    await loadPeriodInputs(full, period, (n) => {
      read += n;
    });
    const [fullMs, onlyMs] = await mediansTakingTurns(
      () => build(full),
      () => build(only),
    );
    rows.push({
      scenario: `5. ${name} build time, ${total} records stored`,
      figure: `${ms(fullMs)} (${read} entities read)`,
      baseline: `only the 500: ${ms(onlyMs)}`,
      ratio: `${(fullMs / onlyMs).toFixed(2)}x`,
      target: '<= 1.5x',
      pass: fullMs / onlyMs <= 1.5,
    });
  }
  return rows;
}
