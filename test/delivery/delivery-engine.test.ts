import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { uniquePrefix } from '../helpers/azurite.js';
import { FakeConnector } from '../helpers/fake-connector.js';
import { recordReliability } from '../reliability/reliability-report.js';
import {
  championFixture,
  DUE,
  duplicates,
  type EngineBot,
  FAST_DELIVERY,
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
  const opened = await engine.bot.stores.deliveries.open(work, engine.clock);
  await engine.bot.stores.deliveries.replace(
    { ...opened.value, status: 'sending', runId, claimedAt, attempts: 1 },
    opened.etag,
  );
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
    await seedChampions(bot, reachableChampions(connector, 6));
    connector.setFaults(({ method, attempt }) =>
      method === 'POST' && attempt === 1 ? { status: 429, retryAfter: 1 } : undefined,
    );
    const started = Date.now();
    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(connector.calls.filter((c) => c.status === 429)).toHaveLength(6);
    expect(connector.delivered).toHaveLength(6);
    expect(duplicates(connector)).toEqual([]);
    recordReliability({
      scenario: 'connector 429 + Retry-After',
      faults: 6,
      expected: 6,
      delivered: connector.delivered.length,
      duplicated: 0,
      lost: 0,
    });
    const record = await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c0', cycle: DUE });
    expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a burst of 5xx and 412 answers', async () => {
    const { bot } = await startEngineBot();
    await seedChampions(bot, reachableChampions(connector, 5));
    const statuses = [502, 503, 504, 412];
    connector.setFaults(({ method, attempt }) =>
      method === 'POST' && attempt <= 2 ? { status: statuses[attempt % statuses.length] ?? 503 } : undefined,
    );
    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(5);
    expect(connector.calls.filter((c) => c.status >= 400)).toHaveLength(10);
    recordReliability({
      scenario: 'connector 5xx and 412 bursts',
      faults: 10,
      expected: 5,
      delivered: 5,
      duplicated: 0,
      lost: 0,
    });
  });

  it('retries a send that times out (no answer in time), and delivers it once', async () => {
    const { bot } = await startEngineBot({ delivery: { ...FAST_DELIVERY, sendTimeoutMs: 300 } });
    await seedChampions(bot, reachableChampions(connector, 4));
    // The first attempt hangs for 1.5 s and then fails: the engine gives up waiting after 300 ms and tries again.
    connector.setFaults(({ method, attempt }) =>
      method === 'POST' && attempt === 1 ? { status: 504, delayMs: 1_500 } : undefined,
    );
    await bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(4);
    expect(duplicates(connector)).toEqual([]);
    const record = await bot.stores.deliveries.get({ kind: 'nudge', targetId: 'c0', cycle: DUE });
    expect(record).toMatchObject({ status: 'sent' });
    await connector.waitFor((c) => c.calls.filter((call) => call.status === 504).length === 4, 5_000);
    recordReliability({
      scenario: 'connector timeouts (no answer in time)',
      faults: 4,
      expected: 4,
      delivered: connector.delivered.length,
      duplicated: duplicates(connector).length,
      lost: 0,
    });
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

  it('never double-sends when two instances run the job at the same time', async () => {
    const prefix = uniquePrefix();
    const a = await startEngineBot({ prefix });
    const b = await startEngineBot({ prefix });
    await seedChampions(a.bot, reachableChampions(connector, 30));
    await Promise.all([a.bot.scheduler.runOnce(NUDGE_JOB), b.bot.scheduler.runOnce(NUDGE_JOB)]);
    await Promise.all([a.bot.scheduler.runOnce(NUDGE_JOB), b.bot.scheduler.runOnce(NUDGE_JOB)]);
    expect(connector.delivered).toHaveLength(30);
    expect(duplicates(connector)).toEqual([]);
    recordReliability({
      scenario: 'two instances run the nudges job at once',
      faults: 0,
      expected: 30,
      delivered: 30,
      duplicated: duplicates(connector).length,
      lost: 0,
    });
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
    await seedChampions(first.bot, reachableChampions(connector, 20));
    let budget = 7;
    await first.bot.jobs.find((j) => j.name === NUDGE_JOB)?.run('interrupted', () => budget-- > 0);
    expect(connector.delivered.length).toBeGreaterThan(0);
    expect(connector.delivered.length).toBeLessThan(20);

    const restarted = await startEngineBot({ prefix });
    await restarted.bot.scheduler.runOnce(NUDGE_JOB);
    expect(connector.delivered).toHaveLength(20);
    expect(duplicates(connector)).toEqual([]);
    recordReliability({
      scenario: 'run stopped midway, then restarted',
      faults: 1,
      expected: 20,
      delivered: 20,
      duplicated: 0,
      lost: 0,
    });
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
