import { cpus } from 'node:os';
import { type Bot, createBot } from '../../src/app.js';
import { buildNudgeCard } from '../../src/champions/cards/nudge-card.js';
import type { Champion } from '../../src/champions/domain/champion.js';
import { NUDGE_JOB, nudgeWorkFor } from '../../src/champions/domain/nudge-work.js';
import { championKeys } from '../../src/champions/store/table-champion-store.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { DueWork } from '../../src/delivery/due-work.js';
import { dueIndexKeys } from '../../src/delivery/table-due-index.js';
import { createLogger } from '../../src/logger.js';
import { StoreRequestCounter } from '../../test/helpers/store-requests.js';
import { bulkInsert } from '../lib/bulk.js';
import { type BenchContext, scaled } from '../lib/context.js';
import { cpuSecondsOf } from '../lib/process-cpu.js';
import { storageFloor } from '../lib/storage-floor.js';
import type { Row } from '../lib/table.js';
import { benchTable, newPrefix } from '../lib/tables.js';

const NOW = new Date('2027-01-04T10:00:00Z'); // a Monday, 10:00 UK: inside working hours
const DUE = '2027-01-04T09:30:00.000Z';
const LIMIT = 500;
const WORKERS = 96;
/** The default SENDS_IN_FLIGHT_PER_TENANT. */
const testCap = loadConfig({ LOG_LEVEL: 'silent' }).sendsInFlightPerTenant;

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

interface Prepared {
  readonly bot: Bot;
  readonly config: Config;
  readonly champions: Champion[];
}

/** A bot on fresh tables with `n` champions due now; `env` tunes it (e.g. SENDS_IN_FLIGHT_PER_TENANT). */
async function prepare(ctx: BenchContext, n: number, tag: string, env: Record<string, string> = {}): Promise<Prepared> {
  const prefix = newPrefix();
  const config = loadConfig({
    TABLE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    TENANT_SENDS_PER_SECOND: String(LIMIT),
    ...env,
  });
  const bot = await createBot({
    config,
    log: createLogger({ level: 'silent', format: 'json' }),
    tables: ctx.connectionString,
    now: () => NOW,
    delivery: { concurrency: WORKERS, retry: { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5_000 } },
  });
  return { bot, config, champions: await seed(ctx, prefix, n, tag) };
}

/** Storage round trips (HTTP requests to Azurite from this process) and seconds taken by `work`. */
async function measured<T>(ctx: BenchContext, work: () => Promise<T>) {
  const counter = new StoreRequestCounter(ctx.azurite.port);
  const started = performance.now();
  try {
    const value = await work();
    return { value, seconds: (performance.now() - started) / 1000, trips: counter.count };
  } finally {
    counter.stop();
  }
}

/** The nudges job over `n` due champions: rate, storage round trips, and what the connector saw. */
async function fanOut(ctx: BenchContext, n: number, tag: string, env: Record<string, string> = {}) {
  const { bot, champions } = await prepare(ctx, n, tag, env);
  ctx.connector.calls.splice(0);
  const { seconds, trips } = await measured(ctx, () => bot.scheduler.runOnce(NUDGE_JOB));
  const perConversation = new Map<string, number>();
  for (const call of ctx.connector.delivered) {
    perConversation.set(call.conversationId ?? '', (perConversation.get(call.conversationId ?? '') ?? 0) + 1);
  }
  const lost = champions.filter((c) => !perConversation.has(`a:${c.person.id}`)).length;
  const duplicated = [...perConversation.values()].filter((count) => count > 1).length;
  const delivered = perConversation.size;
  return {
    delivered,
    seconds,
    rate: delivered / seconds,
    tripsPerDelivery: trips / Math.max(1, delivered),
    lost,
    duplicated,
    faults: ctx.connector.calls.filter((c) => c.status >= 400).length,
  };
}

/** The storage floor over the same `n` due champions, in the same way (see bench/lib/storage-floor.ts). */
async function floorOf(ctx: BenchContext, n: number, tag: string, env: Record<string, string> = {}) {
  const { bot, config, champions } = await prepare(ctx, n, tag, env);
  const byId = new Map(champions.map((c) => [c.person.id, c]));
  const [first] = champions;
  if (!first) throw new Error('no champions seeded');
  const lists = { directorates: await bot.stores.lists.directorates.entries(), cadenceDays: config.nudges.cadenceDays };
  const card = { card: buildNudgeCard(first, first.nextDueAt, lists), summary: 'Check-in' };
  const { value, seconds, trips } = await measured(ctx, () =>
    storageFloor(bot, config, byId, NUDGE_JOB, NOW, WORKERS, card),
  );
  return { sent: value.sent, seconds, rate: value.sent / seconds, tripsPerDelivery: trips / Math.max(1, value.sent) };
}

const perSecond = (r: { rate: number }) => `${r.rate.toFixed(0)}/s`;

/**
 * Scenario 3: 10,000 champions due at once (per-tenant pacing limit 500/s), against the storage floor measured the
 * same way in the same run; storage round trips per delivery counted; then again with 5% 429 and 1% 503.
 */
export async function nudgeFanout(ctx: BenchContext): Promise<Row[]> {
  const n = scaled(ctx, 10_000);
  ctx.log(`storage floor: ${n} due rows, ${WORKERS} workers, limit ${LIMIT}/s`);
  const floor = await floorOf(ctx, n, 'floor');
  ctx.log(
    `  ${floor.sent} in ${floor.seconds.toFixed(1)} s = ${perSecond(floor)}, ${floor.tripsPerDelivery.toFixed(2)} round trips each`,
  );
  ctx.log(`nudge fan-out: ${n} champions, limit ${LIMIT}/s`);
  const azuriteBefore = await cpuSecondsOf(ctx.azurite.pid);
  const benchBefore = process.cpuUsage();
  const clean = await fanOut(ctx, n, 'clean');
  const azuriteCpu = ((await cpuSecondsOf(ctx.azurite.pid)) ?? Number.NaN) - (azuriteBefore ?? Number.NaN);
  const benchUsage = process.cpuUsage(benchBefore);
  const benchCpu = (benchUsage.user + benchUsage.system) / 1e6;
  ctx.log(
    `  ${clean.delivered} in ${clean.seconds.toFixed(1)} s = ${perSecond(clean)}, ${clean.tripsPerDelivery.toFixed(2)} round trips each; Azurite used ${azuriteCpu.toFixed(0)} CPU s, the bot (with the fake connector) ${benchCpu.toFixed(0)} CPU s`,
  );
  // What the in-flight cap costs: the same fan-out with four times the cap (and so four times the kill -9 re-sends).
  const wideCap = String(4 * testCap);
  ctx.log(`nudge fan-out with an in-flight cap of ${wideCap} instead of ${testCap}`);
  const wide = await fanOut(ctx, n, 'wide', { SENDS_IN_FLIGHT_PER_TENANT: wideCap });
  ctx.log(`  ${wide.delivered} in ${wide.seconds.toFixed(1)} s = ${perSecond(wide)}`);
  // Teams answers a proactive send in a tenth of a second or more, not a millisecond: the cap then bounds the rate.
  const slowN = Math.max(100, Math.round(n / 25));
  ctx.log(`nudge fan-out with 100 ms sends (${slowN} champions), in-flight cap ${testCap} and ${wideCap}`);
  ctx.connector.latencyMs = 100;
  const slow = await fanOut(ctx, slowN, 'slow');
  const slowWide = await fanOut(ctx, slowN, 'slowwide', { SENDS_IN_FLIGHT_PER_TENANT: wideCap });
  ctx.connector.latencyMs = 0;
  ctx.log(`  cap ${testCap}: ${perSecond(slow)}; cap ${wideCap}: ${perSecond(slowWide)}`);
  ctx.connector.setFaults(() => {
    const r = Math.random();
    return r < 0.05 ? { status: 429, retryAfter: 1 } : r < 0.06 ? { status: 503 } : undefined;
  });
  // The fault run checks correctness (nothing lost or doubled), not speed: a fifth of the size keeps the run short.
  const faultN = Math.max(200, Math.round(n / 5));
  ctx.log(`nudge fan-out with 5% 429 + Retry-After and 1% 503 (${faultN} champions)`);
  const faulty = await fanOut(ctx, faultN, 'faulty');
  ctx.connector.clearFaults();
  ctx.log(`  ${faulty.delivered} delivered, ${faulty.faults} faults injected, ${faulty.seconds.toFixed(1)} s`);
  const ofFloor = clean.rate / floor.rate;
  return [
    {
      scenario: `3. nudge fan-out rate (${n} due, ${WORKERS} workers, in-flight cap ${testCap} per tenant)`,
      figure: `${perSecond(clean)} (${clean.delivered} in ${clean.seconds.toFixed(1)} s)`,
      baseline: `storage floor ${perSecond(floor)} (${floor.sent} in ${floor.seconds.toFixed(1)} s)`,
      ratio: `${(ofFloor * 100).toFixed(0)}%`,
      target: '>= 75% of the floor',
      pass: ofFloor >= 0.75,
    },
    {
      scenario: '3. storage round trips per delivery (counted HTTP requests to Azurite)',
      figure: `${clean.tripsPerDelivery.toFixed(2)}`,
      baseline: `floor ${floor.tripsPerDelivery.toFixed(2)}`,
      ratio: `${(clean.tripsPerDelivery / floor.tripsPerDelivery).toFixed(2)}x`,
      target: '<= 4',
      pass: clean.tripsPerDelivery <= 4,
    },
    {
      scenario: '3. fan-out against the pacing ceiling',
      figure: perSecond(clean),
      baseline: `configured ${LIMIT}/s`,
      ratio: `${((clean.rate / LIMIT) * 100).toFixed(0)}%`,
      target: 'report',
      pass: undefined,
    },
    {
      scenario: '3. where the fan-out time goes',
      figure: `Azurite busy ${((azuriteCpu / clean.seconds) * 100).toFixed(0)}% of one core; bot process ${((benchCpu / clean.seconds) * 100).toFixed(0)}%`,
      baseline: `${cpus().length} CPUs`,
      ratio: '',
      target: 'report',
      pass: undefined,
    },
    {
      scenario: `3. the same fan-out with an in-flight cap of ${wideCap} per tenant`,
      figure: `${perSecond(wide)} (${wide.delivered} in ${wide.seconds.toFixed(1)} s)`,
      baseline: `cap ${testCap}: ${perSecond(clean)}`,
      ratio: `${(wide.rate / clean.rate).toFixed(2)}x`,
      target: 'report',
      pass: undefined,
    },
    {
      scenario: `3. fan-out when each send takes 100 ms (${slowN} due)`,
      figure: `cap ${testCap}: ${perSecond(slow)}; cap ${wideCap}: ${perSecond(slowWide)}`,
      baseline: `cap / 0.1 s = ${(Number(testCap) / 0.1).toFixed(0)}/s and ${(Number(wideCap) / 0.1).toFixed(0)}/s`,
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
