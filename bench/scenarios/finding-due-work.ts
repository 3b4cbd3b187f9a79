import type { Champion } from '../../src/champions/domain/champion.js';
import { NUDGE_JOB, nudgeWorkFor } from '../../src/champions/domain/nudge-work.js';
import { championKeys, TableChampionStore } from '../../src/champions/store/table-champion-store.js';
import type { DueWork } from '../../src/delivery/due-work.js';
import { dueIndexKeys, TableDueIndex } from '../../src/delivery/table-due-index.js';
import { bulkInsert } from '../lib/bulk.js';
import { type BenchContext, scaled } from '../lib/context.js';
import { medianOfFiveAfterWarmUp, ms } from '../lib/stats.js';
import type { Row } from '../lib/table.js';
import { benchTable, newPrefix } from '../lib/tables.js';

const NOW = new Date('2027-01-04T10:00:00Z');

function champion(i: number, nextDueAt: string): Champion {
  const id = `aad-${String(i).padStart(6, '0')}`;
  return {
    person: { id, name: id },
    directorate: 'finance',
    status: 'active',
    nextDueAt,
    registeredBy: id,
    registeredAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
  };
}

/** Scenario 4: 100,000 champions stored, 100 due now: index rows read to find them, and time vs 100 point reads. */
export async function findingDueWork(ctx: BenchContext): Promise<Row[]> {
  const total = scaled(ctx, 100_000);
  const dueCount = 100;
  const prefix = newPrefix();
  const championsTable = await benchTable<Champion>(ctx.connectionString, prefix, 'Champions');
  const dueTable = await benchTable<DueWork>(ctx.connectionString, prefix, 'DueWork');
  ctx.log(`finding due work: seeding ${total} champions (${dueCount} due now, the rest over the next six weeks)`);
  const champions = Array.from({ length: total }, (_, i) => {
    const day = i < dueCount ? 0 : 1 + (i % 41);
    const due = new Date(NOW.getTime() - 30 * 60_000 + day * 86_400_000).toISOString();
    return champion(i, due);
  });
  await bulkInsert(
    championsTable,
    champions.map((c) => {
      const [pk, rk] = championKeys(c.person.id);
      return { pk, rk, value: c };
    }),
  );
  await bulkInsert(
    dueTable,
    champions.map((c) => {
      const work = nudgeWorkFor(c);
      const [pk, rk] = dueIndexKeys(NUDGE_JOB, work);
      return { pk, rk, value: work };
    }),
  );
  const index = new TableDueIndex(dueTable);
  const store = new TableChampionStore(championsTable);
  const dueIds = champions.slice(0, dueCount).map((c) => c.person.id);
  const timeIt = medianOfFiveAfterWarmUp;
  let read = 0;
  let found = 0;
  const indexMs = await timeIt(async () => {
    read = 0;
    found = (
      await index.listDue(NUDGE_JOB, NOW, (n) => {
        read += n;
      })
    ).length;
  });
  const directMs = await timeIt(() => Promise.all(dueIds.map((id) => store.get(id))));
  return [
    {
      scenario: `4. entities read to find ${dueCount} due among ${total}`,
      figure: `${read} read, ${found} found`,
      baseline: `${dueCount} due`,
      ratio: `${(read / dueCount).toFixed(2)}x`,
      target: '<= 2x',
      pass: read <= 2 * dueCount && found === dueCount,
    },
    {
      scenario: '4. time to find the due work',
      figure: ms(indexMs),
      baseline: `${dueCount} direct reads ${ms(directMs)}`,
      ratio: `${(indexMs / directMs).toFixed(2)}x`,
      target: '<= 2x',
      pass: indexMs <= 2 * directMs,
    },
  ];
}
