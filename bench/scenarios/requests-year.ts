import { type Period, periodContaining } from '../../src/calendar/period.js';
import { quarterStarting } from '../../src/calendar/report-quarter.js';
import { openStores, type Stores } from '../../src/compose/open-stores.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { startDraft } from '../../src/pir/domain/pir-transitions.js';
import type { ReferenceIndexRow } from '../../src/pir/store/table-pir-store.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { buildDigest } from '../../src/reports/domain/build-digest.js';
import { loadDigestInputs, loadPeriodInputs } from '../../src/reports/store/load-period-inputs.js';
import { stepAnswers } from '../../test/pir/pir-fixtures.js';
import { bulkInsert } from '../lib/bulk.js';
import { type BenchContext, scaled } from '../lib/context.js';
import { medianOfFiveAfterWarmUp, mediansTakingTurns, ms } from '../lib/stats.js';
import type { Row } from '../lib/table.js';
import { benchTable, newPrefix } from '../lib/tables.js';

const YEAR = 2026;
const LEADS = 500;
const answers = {
  ...stepAnswers.basics,
  ...stepAnswers.intelligence,
  ...stepAnswers.groups,
  ...stepAnswers.involvement,
  ...stepAnswers.influence,
  protectedCharacteristics: [stepAnswers.equality.protectedCharacteristics],
  ...stepAnswers.plans,
  support: [stepAnswers.support.support],
};

/** Request `i`, submitted at `submittedAt` and accepted two weeks later, as the bot stores it. */
function request(i: number, submittedAt: Date): Pir {
  const decidedAt = new Date(submittedAt.getTime() + 14 * 86_400_000).toISOString();
  const lead = { id: `aad-bench-lead-${i % LEADS}`, name: `Lead ${i % LEADS}` };
  return {
    ...startDraft(`pir-${i}`, lead, submittedAt),
    status: 'accepted',
    position: 'review',
    answers,
    reference: `PIR-${YEAR}-${String(i + 1).padStart(4, '0')}`,
    submittedAt: submittedAt.toISOString(),
    assessment: { decidedAt, expectedRung: 'co-design', decidedBy: { id: 'aad-ppi', name: 'PPI' } },
  };
}

/**
 * A store as the bot had it before the period index: the requests, their reference rows and the year's counter
 * (loaded in bulk); then the real daily backfill puts them in the index (timed).
 */
async function stored(ctx: BenchContext, pirs: readonly Pir[]) {
  const prefix = newPrefix();
  const stores = await openStores(ctx.connectionString, prefix);
  const table = await benchTable<Pir>(ctx.connectionString, prefix, 'Pirs');
  const refs = await benchTable<ReferenceIndexRow>(ctx.connectionString, prefix, 'PirReferences');
  const counters = await benchTable<{ next: number }>(ctx.connectionString, prefix, 'Counters');
  await bulkInsert(
    table,
    pirs.map((p) => ({ pk: p.lead.id, rk: p.id, value: p })),
  );
  await bulkInsert(
    refs,
    pirs.map((p) => ({ pk: String(YEAR), rk: p.reference ?? p.id, value: { leadId: p.lead.id, pirId: p.id } })),
  );
  await counters.create('pir', String(YEAR), { next: pirs.length + 1 });
  return stores;
}

async function backfilled(stores: Stores) {
  const started = performance.now();
  const done = await stores.pirs.indexEarlierYears(() => true);
  return { ...done, seconds: (performance.now() - started) / 1000 };
}

const read = async (work: (onRead: (n: number) => void) => Promise<unknown>) => {
  let n = 0;
  await work((k) => {
    n += k;
  });
  return n;
};

/**
 * Scenario 7: a year of requests stored (5,000 in 2026, 50 of them in November): the November digest and the Q3
 * 2026/27 Board report against a store holding only those 50, both indexed by the daily backfill; and the same
 * digest before the backfill (every request of the year read, as before the index).
 */
export async function requestsYear(ctx: BenchContext): Promise<Row[]> {
  const total = scaled(ctx, 5_000);
  const inPeriod = Math.min(50, total);
  const month: Period = periodContaining('monthly', new Date('2026-11-15T12:00:00Z'));
  const quarter = quarterStarting(YEAR, 10, 'financial');
  const producedAt = new Date('2027-01-05T10:00:00Z');
  // 50 submitted in November (decided by early December); the rest spread over January to mid-September.
  const novemberDay = (i: number) => new Date(Date.UTC(YEAR, 10, 1 + (i % 28), 10));
  const earlier = (i: number) => new Date(Date.UTC(YEAR, 0, 1) + (i % 250) * 86_400_000 + 9 * 3_600_000);
  const inside = Array.from({ length: inPeriod }, (_, i) => request(i, novemberDay(i)));
  const outside = Array.from({ length: total - inPeriod }, (_, i) => request(inPeriod + i, earlier(i)));
  ctx.log(`requests: ${total} in ${YEAR}, ${inPeriod} in November; and a store with only those ${inPeriod}`);
  const full = await stored(ctx, [...inside, ...outside]);
  const only = await stored(ctx, inside);

  const digest = (s: Stores, onRead?: (n: number) => void) =>
    loadDigestInputs(s, month, onRead).then((inputs) => buildDigest(inputs));
  const report = (s: Stores, onRead?: (n: number) => void) =>
    loadPeriodInputs(s, quarter.period, onRead).then((inputs) => buildBoardReport(inputs, quarter, producedAt));

  // Before the backfill the index does not cover 2026: the digest reads the year the old way.
  const beforeRead = await read((onRead) => digest(full, onRead));
  const beforeMs = await medianOfFiveAfterWarmUp(() => digest(full));
  const fill = await backfilled(full);
  await backfilled(only);
  ctx.log(`  backfill: ${fill.rows} index rows for ${total} requests in ${fill.seconds.toFixed(1)} s`);
  const received = (await digest(full)).pirsReceived;
  if (received !== inPeriod) throw new Error(`the digest counted ${received} requests received, not ${inPeriod}`);

  const rows: Row[] = [];
  for (const [name, build] of [
    ['digest (November 2026)', digest],
    [`Board report (${quarter.name})`, report],
  ] as const) {
    const entities = await read((onRead) => build(full, onRead));
    const [fullMs, onlyMs] = await mediansTakingTurns(
      () => build(full),
      () => build(only),
    );
    ctx.log(`  ${name}: ${ms(fullMs)} (${entities} entities read) vs only the ${inPeriod}: ${ms(onlyMs)}`);
    rows.push({
      scenario: `7. ${name} build time, a year of requests stored (${total}, ${inPeriod} in the period)`,
      figure: `${ms(fullMs)} (${entities} entities read)`,
      baseline: `only the ${inPeriod}: ${ms(onlyMs)}`,
      ratio: `${(fullMs / onlyMs).toFixed(2)}x`,
      target: '<= 1.5x',
      pass: fullMs / onlyMs <= 1.5,
    });
  }
  rows.push({
    scenario: '7. the same digest before the backfill (every request of the year read, as before the index)',
    figure: `${ms(beforeMs)} (${beforeRead} entities read)`,
    baseline: `indexed: ${rows[0]?.figure ?? ''}`,
    ratio: '',
    target: 'report',
    pass: undefined,
  });
  rows.push({
    scenario: `7. backfill of a year stored before the index (${total} requests)`,
    figure: `${fill.seconds.toFixed(1)} s (${fill.rows} index rows written)`,
    baseline: '',
    ratio: '',
    target: 'report',
    pass: undefined,
  });
  return rows;
}
