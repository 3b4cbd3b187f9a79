import { createBot } from '../../src/app.js';
import type { Champion } from '../../src/champions/domain/champion.js';
import { NUDGE_JOB, nudgeWorkFor } from '../../src/champions/domain/nudge-work.js';
import { championKeys } from '../../src/champions/store/table-champion-store.js';
import { loadConfig } from '../../src/config.js';
import type { DueWork } from '../../src/delivery/due-work.js';
import { dueIndexKeys } from '../../src/delivery/table-due-index.js';
import { createLogger } from '../../src/logger.js';
import { bulkInsert } from '../lib/bulk.js';
import { type BenchContext, scaled } from '../lib/context.js';
import { CountingProxy } from '../lib/counting-proxy.js';
import { cpuSecondsOf } from '../lib/process-cpu.js';
import type { Row } from '../lib/table.js';
import { benchTable, newPrefix } from '../lib/tables.js';

const NOW = new Date('2027-01-04T10:00:00Z'); // a Monday, 10:00 UK: inside working hours
const DUE = '2027-01-04T09:30:00.000Z';
const LIMIT = 500;

function champion(id: string, serviceUrl: string): Champion {
  return {
    person: { id, name: id, channelUserId: `29:${id}` },
    directorate: 'finance',
    status: 'active',
    nextDueAt: DUE,
    personalReference: {
      serviceUrl,
      channelId: 'msteams',
      bot: { id: 'bot', name: 'PPI bot' },
      conversation: { id: `a:${id}`, tenantId: 'bench-tenant' } as { id: string },
    },
    registeredBy: id,
    registeredAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  };
}

/** `n` champions due now, loaded in bulk into a fresh set of tables. */
async function seed(ctx: BenchContext, prefix: string, n: number, tag: string) {
  const champions = Array.from({ length: n }, (_, i) => champion(`${tag}-${i}`, ctx.connector.url));
  const table = await benchTable<Champion>(ctx.connectionString, prefix, 'Champions');
  const due = await benchTable<DueWork>(ctx.connectionString, prefix, 'DueWork');
  await bulkInsert(
    table,
    champions.map((c) => {
      const [pk, rk] = championKeys(c.person.id);
      return { pk, rk, value: c };
    }),
  );
  await bulkInsert(
    due,
    champions.map((c) => {
      const work = nudgeWorkFor(c);
      const [pk, rk] = dueIndexKeys(NUDGE_JOB, work);
      return { pk, rk, value: work };
    }),
  );
  return champions;
}

async function run(ctx: BenchContext, n: number, tag: string, connectionString = ctx.connectionString) {
  const prefix = newPrefix();
  const config = loadConfig({ TABLE_PREFIX: prefix, LOG_LEVEL: 'silent', TENANT_SENDS_PER_SECOND: String(LIMIT) });
  const bot = await createBot({
    config,
    log: createLogger({ level: 'silent', format: 'json' }),
    tables: connectionString,
    now: () => NOW,
    delivery: { concurrency: 96, retry: { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5_000 } },
  });
  const champions = await seed(ctx, prefix, n, tag);
  ctx.connector.calls.splice(0);
  const started = performance.now();
  await bot.scheduler.runOnce(NUDGE_JOB);
  const seconds = (performance.now() - started) / 1000;
  const perConversation = new Map<string, number>();
  for (const call of ctx.connector.delivered) {
    perConversation.set(call.conversationId ?? '', (perConversation.get(call.conversationId ?? '') ?? 0) + 1);
  }
  const lost = champions.filter((c) => !perConversation.has(`a:${c.person.id}`)).length;
  const duplicated = [...perConversation.values()].filter((count) => count > 1).length;
  return {
    delivered: perConversation.size,
    seconds,
    lost,
    duplicated,
    faults: ctx.connector.calls.filter((c) => c.status >= 400).length,
  };
}

/** Scenario 3: 10,000 champions due at once, per-tenant limit 500/s; then again with 5% 429 and 1% 503. */
export async function nudgeFanout(ctx: BenchContext): Promise<Row[]> {
  const n = scaled(ctx, 10_000);
  ctx.log(`nudge fan-out: ${n} champions, limit ${LIMIT}/s`);
  const azuriteBefore = await cpuSecondsOf(ctx.azurite.pid);
  const benchBefore = process.cpuUsage();
  const clean = await run(ctx, n, 'clean');
  const rate = clean.delivered / clean.seconds;
  const azuriteCpu = ((await cpuSecondsOf(ctx.azurite.pid)) ?? Number.NaN) - (azuriteBefore ?? Number.NaN);
  const benchUsage = process.cpuUsage(benchBefore);
  const benchCpu = (benchUsage.user + benchUsage.system) / 1e6;
  ctx.log(`  ${clean.delivered} in ${clean.seconds.toFixed(1)} s = ${rate.toFixed(0)}/s`);
  // Where the time goes: storage round trips per delivery (a small run through a counting proxy), and CPU shares.
  const proxy = await CountingProxy.start(ctx.azurite.port);
  const counted = await run(ctx, 300, 'counted', proxy.connectionString(ctx.connectionString));
  const tripsPerDelivery = proxy.requests / Math.max(1, counted.delivered);
  await proxy.stop();
  ctx.log(
    `  ${tripsPerDelivery.toFixed(1)} storage round trips per delivery; Azurite used ${azuriteCpu.toFixed(0)} CPU s, the bot (with the fake connector) ${benchCpu.toFixed(0)} CPU s, in ${clean.seconds.toFixed(0)} s`,
  );
  ctx.connector.setFaults(() => {
    const r = Math.random();
    return r < 0.05 ? { status: 429, retryAfter: 1 } : r < 0.06 ? { status: 503 } : undefined;
  });
  // The fault run checks correctness (nothing lost or doubled), not speed: a fifth of the size keeps the run short.
  const faultN = Math.max(200, Math.round(n / 5));
  ctx.log(`nudge fan-out with 5% 429 + Retry-After and 1% 503 (${faultN} champions)`);
  const faulty = await run(ctx, faultN, 'faulty');
  ctx.connector.clearFaults();
  ctx.log(`  ${faulty.delivered} delivered, ${faulty.faults} faults injected, ${faulty.seconds.toFixed(1)} s`);
  return [
    {
      scenario: `3. nudge fan-out rate (${n} due, limit ${LIMIT}/s)`,
      figure: `${rate.toFixed(0)}/s (${clean.delivered} in ${clean.seconds.toFixed(1)} s)`,
      baseline: `configured ${LIMIT}/s`,
      ratio: `${((rate / LIMIT) * 100).toFixed(0)}%`,
      target: '>= 90%',
      pass: rate / LIMIT >= 0.9,
    },
    {
      scenario: '3. where the fan-out time goes',
      figure: `${tripsPerDelivery.toFixed(1)} storage round trips per delivery`,
      baseline: `Azurite busy ${((azuriteCpu / clean.seconds) * 100).toFixed(0)}% of one core; bot process ${((benchCpu / clean.seconds) * 100).toFixed(0)}%`,
      ratio: '',
      target: 'report',
      pass: undefined,
    },
    {
      scenario: '3. fan-out with 5% 429 (Retry-After 1 s) and 1% 503',
      figure: `${faulty.lost} lost, ${faulty.duplicated} duplicated (${faulty.faults} faults, ${faulty.seconds.toFixed(0)} s)`,
      baseline: `${faultN} expected`,
      ratio: '',
      target: '0 lost, 0 duplicates',
      pass: faulty.lost === 0 && faulty.duplicated === 0,
    },
  ];
}
