import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import type { DeliveryRecord } from '../../src/delivery/delivery-record.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import { FakeConnector } from '../helpers/fake-connector.js';
import { StoreRequestCounter, tablePortOf } from '../helpers/store-requests.js';
import { recordReliability } from '../reliability/reliability-report.js';
import {
  championFixture,
  DUE,
  duplicates,
  type EngineBot,
  FAST_DELIVERY,
  fanOutFigures,
  personalRef,
  reachableChampions,
  seedChampions,
  startEngineBot,
} from './engine-fixture.js';

let connector: FakeConnector;
beforeEach(async () => {
  connector = await FakeConnector.start();
});
afterEach(async () => {
  await connector.stop();
});

/** One due champion whose nudge another run (`runId`) claimed at `claimedAt` and never finished. */
async function claimedElsewhere(engine: EngineBot, runId: string, claimedAt: string) {
  const [champion] = reachableChampions(connector, 1);
  if (!champion) throw new Error('fixture');
  await seedChampions(engine.bot, [champion]);
  const work = { kind: 'nudge', targetId: champion.person.id, cycle: DUE, dueAt: DUE };
  await engine.bot.stores.deliveries.start({
    kind: work.kind,
    targetId: work.targetId,
    cycle: work.cycle,
    status: 'sending',
    runId,
    claimedAt,
    attempts: 1,
    createdAt: claimedAt,
  });
  return work;
}

describe('delivery engine: nudges through a fake Bot Connector', () => {
  it('nudges every due champion exactly once, and a second run sends nothing', async () => {
    const { bot } = await startEngineBot();
    await seedChampions(bot, reachableChampions(connector, 40));
    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(40);
    expect(duplicates(connector)).toEqual([]);
    const champion = (await bot.stores.champions.get('c7'))?.value;
    expect(champion?.cycle).toMatchObject({ dueAt: DUE, followUpsSent: 0 });
    expect(champion?.nextDueAt).toBe('2027-02-15T09:30:00.000Z');
    const record = await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c7', cycle: DUE });
    expect(record).toMatchObject({ status: 'sent', attempts: 1 });
    expect(record?.activityId).toMatch(/^fake-/);

    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(40);
  });

  it('costs at most four storage round trips per delivery, counted as HTTP requests to the store', async () => {
    const { bot } = await startEngineBot({ delivery: { ...FAST_DELIVERY, pacer: { tenantPerSecond: 1_000 } } });
    const champions = reachableChampions(connector, 200);
    await seedChampions(bot, champions);
    const counter = new StoreRequestCounter(tablePortOf(azuriteConnectionString()));
    await bot.scheduler.runOnce(NUDGE_JOB);
    const trips = counter.count;
    counter.stop();
    expect(connector.delivered).toHaveLength(200);
    // Claim (the record created `sending`), outcome, the planning read handed on to the settle: three each; the
    // champions' writes, their new due rows and the removed ones go grouped per partition. Before: nine each.
    expect(trips / 200).toBeLessThanOrEqual(4);
    expect(trips / 200).toBeGreaterThanOrEqual(3);
    const champion = (await bot.stores.champions.get('c7'))?.value;
    expect(champion?.cycle).toMatchObject({ dueAt: DUE, followUpsSent: 0 });
    // Every champion's follow-up and next nudge are due work (written grouped, before the champion).
    const later = await bot.stores.dueIndex.listDue(NUDGE_JOB, new Date('2027-02-16T10:00:00Z'));
    expect(later.filter((w) => w.kind === 'nudge-follow-up')).toHaveLength(200);
    expect(later.filter((w) => w.kind === 'nudge')).toHaveLength(200);
  });

  it('does not send what is not yet due, nor outside working hours', async () => {
    const engine = await startEngineBot({ now: new Date('2027-01-04T09:00:00Z') });
    await seedChampions(engine.bot, reachableChampions(connector, 3));
    await engine.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.calls).toHaveLength(0);
    engine.clock = new Date('2027-01-04T16:30:00Z');
    await engine.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.calls).toHaveLength(0);
    engine.clock = new Date('2027-01-05T09:31:00Z');
    await engine.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(3);
  });

  it('retries 429 honouring Retry-After, once per refused send', async () => {
    const { bot } = await startEngineBot();
    const champions = reachableChampions(connector, 6);
    await seedChampions(bot, champions);
    connector.setFaults(({ method, attempt }) =>
      method === 'POST' && attempt === 1 ? { status: 429, retryAfter: 1 } : undefined,
    );
    const started = Date.now();
    await bot.scheduler.runOnce(NUDGE_JOB);
    const took = Date.now() - started;
    recordReliability({ scenario: 'connector 429 + Retry-After', ...fanOutFigures(connector, champions) });
    expect(took).toBeGreaterThanOrEqual(1_000);
    expect(connector.calls.filter((c) => c.status === 429)).toHaveLength(6);
    expect(connector.delivered).toHaveLength(6);
    expect(duplicates(connector)).toEqual([]);
    const record = await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c0', cycle: DUE });
    expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a burst of 5xx and 412 answers', async () => {
    const { bot } = await startEngineBot();
    const champions = reachableChampions(connector, 5);
    await seedChampions(bot, champions);
    const statuses = [502, 503, 504, 412];
    connector.setFaults(({ method, attempt }) =>
      method === 'POST' && attempt <= 2 ? { status: statuses[attempt % statuses.length] ?? 503 } : undefined,
    );
    await bot.scheduler.runOnce(NUDGE_JOB);
    recordReliability({ scenario: 'connector 5xx and 412 bursts', ...fanOutFigures(connector, champions) });
    expect(connector.delivered).toHaveLength(5);
    expect(connector.calls.filter((c) => c.status >= 400)).toHaveLength(10);
  });

  it('retries a send that times out (no answer in time), and delivers it once', async () => {
    const { bot } = await startEngineBot({ delivery: { ...FAST_DELIVERY, sendTimeoutMs: 300 } });
    const champions = reachableChampions(connector, 4);
    await seedChampions(bot, champions);
    // The first attempt hangs for 1.5 s and then fails: the engine gives up waiting after 300 ms and tries again.
    connector.setFaults(({ method, attempt }) =>
      method === 'POST' && attempt === 1 ? { status: 504, delayMs: 1_500 } : undefined,
    );
    await bot.scheduler.runOnce(NUDGE_JOB);
    // The hung first attempts answer (504) after the engine stopped waiting: count them once they all have.
    await connector.waitFor((c) => c.faulted.length >= champions.length, 5_000).catch(() => undefined);
    recordReliability({ scenario: 'connector timeouts (no answer in time)', ...fanOutFigures(connector, champions) });
    expect(connector.delivered).toHaveLength(4);
    expect(duplicates(connector)).toEqual([]);
    const record = await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c0', cycle: DUE });
    expect(record).toMatchObject({ status: 'sent' });
    expect(connector.calls.filter((call) => call.status === 504)).toHaveLength(4);
  });

  it('gives up after the configured attempts and records the failure', async () => {
    const { bot } = await startEngineBot();
    await seedChampions(bot, reachableChampions(connector, 1));
    connector.setFaults(() => ({ status: 503 }));
    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.calls).toHaveLength(5);
    const record = await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c0', cycle: DUE });
    expect(record).toMatchObject({ status: 'failed', statusCode: 503 });
    expect(record?.detail).toContain('gave up after 5 attempts');
    // Tried again next cycle, not in a loop.
    expect((await bot.stores.champions.get('c0'))?.value.nextDueAt).toBe('2027-02-15T09:30:00.000Z');
  });

  it('marks a champion unreachable on 403 without retrying, and records 404 as rejected', async () => {
    const { bot } = await startEngineBot();
    await seedChampions(bot, reachableChampions(connector, 2));
    connector.setFaults(({ conversationId }) =>
      conversationId === 'a:chat-c0' ? { status: 403 } : conversationId === 'a:chat-c1' ? { status: 404 } : undefined,
    );
    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.calls).toHaveLength(2);
    expect(await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c0', cycle: DUE })).toMatchObject({
      status: 'unreachable',
      statusCode: 403,
    });
    expect(await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c1', cycle: DUE })).toMatchObject({
      status: 'rejected',
      statusCode: 404,
    });
    expect((await bot.stores.champions.get('c0'))?.value.unreachable?.detail).toContain('cannot message');
    expect((await bot.stores.champions.get('c1'))?.value.unreachable).toBeUndefined();
  });

  it('reaches a champion who never chatted with the bot by creating the 1:1 chat through their team', async () => {
    const { bot } = await startEngineBot();
    const teamReference = { ...personalRef(connector, 'team'), conversation: { id: '19:team@thread.tacv2' } };
    await seedChampions(bot, [championFixture('t1', { teamReference }), championFixture('nobody')]);
    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.calls.filter((c) => c.path === '/v3/conversations')).toHaveLength(1);
    expect(connector.deliveredTo('a:personal-29:t1')).toHaveLength(1);
    expect((await bot.stores.champions.get('t1'))?.value.personalReference?.conversation?.id).toBe('a:personal-29:t1');
    expect(await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'nobody', cycle: DUE })).toMatchObject({
      status: 'unreachable',
    });
  });

  it('keeps at most SENDS_IN_FLIGHT_PER_TENANT sends in flight per tenant (the most a crash can re-send)', async () => {
    const cap = 3;
    const prefix = uniquePrefix();
    const { bot } = await startEngineBot({ prefix, env: { SENDS_IN_FLIGHT_PER_TENANT: String(cap) } });
    // One query reads every record at one moment (Azurite answers it whole), so a count of claims is never skewed.
    const records = new DocumentTable<DeliveryRecord>(
      await openTable(azuriteConnectionString(), `${prefix}Deliveries`),
      (raw) => raw as DeliveryRecord,
    );
    const champions = [
      ...reachableChampions(connector, 12, 'a'),
      ...reachableChampions(connector, 12, 'b').map((c) =>
        c.personalReference ? { ...c, personalReference: personalRef(connector, c.person.id, 'tenant-2') } : c,
      ),
    ];
    await seedChampions(bot, champions);
    connector.latencyMs = 40;
    const tenantOfCall = (conversationId: string | undefined) => (conversationId?.includes('-b') ? 'b' : 'a');
    const open = new Map<string, number>();
    let most = { a: 0, b: 0 };
    let claimed = 0;
    // The connector sees a request when it arrives and answers after its latency: count what overlaps per tenant.
    const unsubscribe = connector.onArrival(({ conversationId }) => {
      const tenant = tenantOfCall(conversationId);
      const now = (open.get(tenant) ?? 0) + 1;
      open.set(tenant, now);
      most = { ...most, [tenant]: Math.max(most[tenant as 'a' | 'b'], now) };
      return () => open.set(tenant, (open.get(tenant) ?? 1) - 1);
    });
    const watching = setInterval(() => {
      void (async () => {
        let sending = 0;
        for await (const row of records.query(undefined)) if (row.value.status === 'sending') sending++;
        claimed = Math.max(claimed, sending);
      })();
    }, 15);
    await bot.scheduler.runOnce(NUDGE_JOB);
    clearInterval(watching);
    unsubscribe();
    recordReliability({
      scenario: `fan-out under the in-flight cap (${cap} per tenant, two tenants)`,
      ...fanOutFigures(connector, champions),
      note: `most sends in flight: ${most.a} and ${most.b}; most claims open at once: ${claimed}`,
    });
    expect(connector.delivered).toHaveLength(24);
    expect(most.a).toBeLessThanOrEqual(cap);
    expect(most.b).toBeLessThanOrEqual(cap);
    expect(Math.max(most.a, most.b)).toBeGreaterThan(1);
    expect(claimed).toBeLessThanOrEqual(2 * cap);
  });

  it('never double-sends when two instances run the job at the same time', async () => {
    const prefix = uniquePrefix();
    const a = await startEngineBot({ prefix });
    const b = await startEngineBot({ prefix });
    const champions = reachableChampions(connector, 30);
    await seedChampions(a.bot, champions);
    await Promise.all([a.bot.scheduler.runOnce(NUDGE_JOB), b.bot.scheduler.runOnce(NUDGE_JOB)]);
    await Promise.all([a.bot.scheduler.runOnce(NUDGE_JOB), b.bot.scheduler.runOnce(NUDGE_JOB)]);
    recordReliability({ scenario: 'two instances run the nudges job at once', ...fanOutFigures(connector, champions) });
    expect(connector.delivered).toHaveLength(30);
    expect(duplicates(connector)).toEqual([]);
  });

  it('never double-sends even without the lease: two engines race on the same due work', async () => {
    const prefix = uniquePrefix();
    const a = await startEngineBot({ prefix });
    const b = await startEngineBot({ prefix });
    await seedChampions(a.bot, reachableChampions(connector, 30));
    const run = (bot: typeof a.bot, id: string) =>
      bot.jobs.find((j) => j.name === NUDGE_JOB)?.run(id, () => true) ?? Promise.resolve();
    await Promise.all([run(a.bot, 'run-a'), run(b.bot, 'run-b')]);
    expect(connector.delivered).toHaveLength(30);
    expect(duplicates(connector)).toEqual([]);
  });

  it('finishes a run that stopped midway, without duplicates', async () => {
    const prefix = uniquePrefix();
    const first = await startEngineBot({ prefix, delivery: { concurrency: 1 } });
    const champions = reachableChampions(connector, 20);
    await seedChampions(first.bot, champions);
    // The lease is lost after seven items: the run stops there (the fault), and a fresh bot finishes the work.
    let budget = 7;
    let stopped = false;
    const keepGoing = () => {
      if (budget-- > 0) return true;
      stopped = true;
      return false;
    };
    await first.bot.jobs.find((j) => j.name === NUDGE_JOB)?.run('interrupted', keepGoing);
    const beforeStop = connector.delivered.length;

    const restarted = await startEngineBot({ prefix });
    await restarted.bot.scheduler.runOnce(NUDGE_JOB);
    recordReliability({
      scenario: 'run stopped midway, then restarted',
      ...fanOutFigures(connector, champions),
      faults: stopped ? 1 : 0,
      note: `${beforeStop} sent before the stop`,
    });
    expect(beforeStop).toBeGreaterThan(0);
    expect(beforeStop).toBeLessThan(20);
    expect(connector.delivered).toHaveLength(20);
    expect(duplicates(connector)).toEqual([]);
  });

  it('re-sends at most once, flagged, when a run died between sending and recording', async () => {
    const engine = await startEngineBot();
    // The state a crash leaves: claimed (sending) by a run that never recorded the outcome.
    const work = await claimedElsewhere(engine, 'dead', '2027-01-04T09:40:00.000Z');
    await engine.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(1);
    expect(await engine.bot.stores.deliveries.get(work)).toMatchObject({
      status: 'sent',
      resentAfterCrash: true,
      attempts: 2,
    });
    await engine.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(1);
  });

  it('leaves a fresh claim alone: another runner may be sending it right now', async () => {
    const engine = await startEngineBot();
    await claimedElsewhere(engine, 'other', engine.clock.toISOString());
    await engine.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(0);
    // Once the claim is older than the lease could be held, the claimant is presumed dead.
    engine.clock = new Date(engine.clock.getTime() + 3 * 60_000);
    await engine.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(1);
  });
});
