import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProcessGroup } from '../../scripts/local/managed-process.js';
import { freePort } from '../../scripts/local/ports.js';
import { type RunningBot, startBot } from '../../scripts/local/start-processes.js';
import { periodContaining } from '../../src/calendar/period.js';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/working-hours.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { openStores, type Stores } from '../../src/compose/open-stores.js';
import { DIGEST_JOB, digestWork } from '../../src/digests/domain/digest-work.js';
import { azuriteConnectionString as connectionStringFor } from '../../src/storage/embedded-azurite.js';
import { reachableChampions, seedChampions } from '../delivery/engine-fixture.js';
import { channelSubscription } from '../digests/digest-fixtures.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import { FakeConnector } from '../helpers/fake-connector.js';
import { testConfig } from '../helpers/test-config.js';
import { yswd } from '../reports/report-fixtures.js';
import { recordReliability } from './reliability-report.js';

const SECRET = 'reliability-secret-at-least-24-chars';
const PASS_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
const baseEnv = () => Object.fromEntries(PASS_THROUGH.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));

const groups: ProcessGroup[] = [];
const connectors: FakeConnector[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(groups.splice(0).map((g) => g.stopAll()));
  await Promise.all(connectors.splice(0).map((c) => c.stop()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function bot(env: Record<string, string>): Promise<RunningBot> {
  const group = new ProcessGroup();
  groups.push(group);
  return startBot(group, {
    port: await freePort(),
    env: {
      ...baseEnv(),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      SCHEDULER_ENABLED: 'false',
      JOBS_SECRET: SECRET,
      ...env,
    },
    readyTimeoutMs: 60_000,
  });
}

const trigger = (b: RunningBot, job: string) =>
  fetch(`${b.url}/api/jobs/${job}`, { method: 'POST', headers: { 'x-jobs-secret': SECRET } });

/** Kills the bot with SIGKILL once `killAfter` messages were accepted, restarts it five minutes later on its clock, and
 * runs `job` until every conversation in `expected` has its message; counts what the connector accepted. */
async function killMidRunThenRestart(options: {
  connector: FakeConnector;
  env: Record<string, string>;
  job: string;
  expected: readonly string[];
  killAfter: number;
  clocks: readonly [string, string];
  /** The deliveries' records, read after the kill: how many were claimed (`sending`) when the process died. */
  claimedAtKill: () => Promise<number>;
}) {
  const { connector, env, job, expected } = options;
  const first = await bot({ ...env, BOT_CLOCK: options.clocks[0] });
  expect((await trigger(first, job)).status).toBe(202);
  await connector.waitFor((c) => c.delivered.length >= options.killAfter, 30_000);
  first.process.kill();
  const death = await first.process.exited;
  const beforeCrash = connector.delivered.length;
  const inFlightAtKill = await options.claimedAtKill();

  // Five minutes later on the bot's clock: the dead run's lease and claims have expired.
  const second = await bot({ ...env, BOT_CLOCK: options.clocks[1] });
  const allDelivered = (c: FakeConnector) => expected.every((id) => c.delivered.some((d) => d.conversationId === id));
  for (let i = 0; i < 6 && !allDelivered(connector); i++) {
    expect((await trigger(second, job)).status).toBe(202);
    await connector.waitFor(allDelivered, 20_000).catch(() => undefined);
  }
  const counts = new Map<string, number>();
  for (const call of connector.delivered) {
    counts.set(call.conversationId ?? '', (counts.get(call.conversationId ?? '') ?? 0) + 1);
  }
  return {
    kills: death.signal === 'SIGKILL' ? 1 : 0,
    beforeCrash,
    inFlightAtKill,
    delivered: counts.size,
    lost: expected.filter((id) => !counts.has(id)).length,
    duplicated: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
  };
}

/** Re-sends as a share of the sends in flight when the process was killed. */
const share = (resent: number, inFlight: number) =>
  inFlight === 0 ? 'none in flight' : `${resent} of ${inFlight} (${Math.round((100 * resent) / inFlight)}%)`;

/** How many of these deliveries are claimed and not finished (`sending`), read from the store. */
async function claimed(stores: Stores, keys: readonly { kind: string; targetId: string; cycle: string }[]) {
  const records = await Promise.all(keys.map((key) => stores.deliveries.get(key)));
  return records.filter((r) => r?.status === 'sending').length;
}

const CAP = testConfig().sendsInFlightPerTenant;

describe('process faults (the real bot process)', () => {
  it('kill -9 in the middle of a nudge fan-out: after a restart every nudge is delivered; only sends cut off mid-flight go again, once, flagged', {
    timeout: 120_000,
  }, async () => {
    const connector = await FakeConnector.start();
    connectors.push(connector);
    connector.latencyMs = 30;
    const prefix = uniquePrefix();
    const stores = await openStores(azuriteConnectionString(), prefix);
    const champions = reachableChampions(connector, 150, 'k');
    await seedChampions({ stores }, champions);
    const env = {
      STORAGE_CONNECTION_STRING: azuriteConnectionString(),
      TABLE_PREFIX: prefix,
      TENANT_SENDS_PER_SECOND: '40',
    };

    const everyone = champions.map((c) => `a:chat-${c.person.id}`);
    const keys = champions.map((c) => ({ kind: 'nudge', targetId: c.person.id, cycle: c.nextDueAt }));
    const { kills, beforeCrash, inFlightAtKill, delivered, lost, duplicated } = await killMidRunThenRestart({
      connector,
      env,
      job: NUDGE_JOB,
      expected: everyone,
      killAfter: 40,
      clocks: ['2027-01-04T10:00:00Z', '2027-01-04T10:05:00Z'],
      claimedAtKill: () => claimed(stores, keys),
    });
    // A duplicate is allowed only for a send interrupted between Teams accepting it and the record being written.
    const records = await Promise.all(keys.map((key) => stores.deliveries.get(key)));
    const resent = records.filter((r) => r?.resentAfterCrash).length;
    const unflagged = duplicated.filter((id) => !records.find((r) => `a:chat-${r?.targetId}` === id)?.resentAfterCrash);
    recordReliability({
      scenario: 'kill -9 during a nudge fan-out, restart',
      faults: kills,
      expected: everyone.length,
      delivered,
      duplicated: duplicated.length,
      lost,
      note: `${beforeCrash} sent before the kill; in flight at the kill ${inFlightAtKill} (cap ${CAP}); re-sent ${share(resent, inFlightAtKill)}, seen twice ${share(duplicated.length, inFlightAtKill)}`,
    });
    expect(lost).toBe(0);
    expect(unflagged).toEqual([]);
    // Only a send in flight at the kill (claimed, not recorded) goes again, and at most the cap are in flight.
    expect(inFlightAtKill).toBeLessThanOrEqual(CAP);
    expect(resent).toBeLessThanOrEqual(inFlightAtKill);
    expect(duplicated.length).toBeLessThanOrEqual(resent);
  });

  it('kill -9 in the middle of a digest run: after a restart every channel gets its digest; only posts cut off mid-flight go again, once, flagged', {
    timeout: 120_000,
  }, async () => {
    const connector = await FakeConnector.start();
    connectors.push(connector);
    connector.latencyMs = 40;
    const prefix = uniquePrefix();
    const stores = await openStores(azuriteConnectionString(), prefix);
    const november = periodContaining('monthly', new Date('2026-11-15T12:00:00Z'));
    const channels = Array.from({ length: 60 }, (_, i) => `19:managers-${i}@thread.tacv2`);
    await stores.records.create(yswd('a1b2c3d4-0009', '2026-11-20', true));
    for (const channelId of channels) {
      await stores.subscriptions.write(channelId, () =>
        channelSubscription(channelId, connector.url, '2026-11-02T10:00:00.000Z'),
      );
      await stores.dueIndex.schedule(DIGEST_JOB, digestWork(channelId, november, DEFAULT_WORKING_HOURS));
    }
    const env = {
      STORAGE_CONNECTION_STRING: azuriteConnectionString(),
      TABLE_PREFIX: prefix,
      TENANT_SENDS_PER_SECOND: '20',
    };

    const keys = channels.map((id) => ({ kind: 'digest', targetId: id, cycle: 'monthly:2026-11' }));
    const { kills, beforeCrash, inFlightAtKill, delivered, lost, duplicated } = await killMidRunThenRestart({
      connector,
      env,
      job: DIGEST_JOB,
      expected: channels,
      killAfter: 15,
      clocks: ['2026-12-01T10:00:00Z', '2026-12-01T10:05:00Z'],
      claimedAtKill: () => claimed(stores, keys),
    });
    const records = await Promise.all(keys.map((key) => stores.deliveries.get(key)));
    const resent = records.filter((r) => r?.resentAfterCrash).length;
    const unflagged = duplicated.filter((id) => !records.find((r) => r?.targetId === id)?.resentAfterCrash);
    recordReliability({
      scenario: 'kill -9 during a digest run, restart',
      faults: kills,
      expected: channels.length,
      delivered,
      duplicated: duplicated.length,
      lost,
      note: `${beforeCrash} posted before the kill; in flight at the kill ${inFlightAtKill} (cap ${CAP}); re-sent ${share(resent, inFlightAtKill)}, seen twice ${share(duplicated.length, inFlightAtKill)}`,
    });
    expect(JSON.stringify(connector.delivered[0]?.body)).toContain('a1b2c3d4-0009');
    expect(lost).toBe(0);
    expect(unflagged).toEqual([]);
    expect(inFlightAtKill).toBeLessThanOrEqual(CAP);
    expect(resent).toBeLessThanOrEqual(inFlightAtKill);
    expect(duplicated.length).toBeLessThanOrEqual(resent);
  });

  it('SIGTERM finishes in-flight work, releases the job lease, stops Azurite, and the data is there after a restart', {
    timeout: 120_000,
  }, async () => {
    const connector = await FakeConnector.start();
    connectors.push(connector);
    const dir = mkdtempSync(join(tmpdir(), 'ppi-shutdown-'));
    dirs.push(dir);
    const azuritePort = await freePort();
    const env = { DATA_DIR: dir, AZURITE_PORT: String(azuritePort), BOT_CLOCK: '2027-01-04T10:00:00Z' };
    const first = await bot(env);
    const stores = await openStores(connectionStringFor(azuritePort), 'ppi');
    const seeded = reachableChampions(connector, 30, 's');
    await seedChampions({ stores }, seeded);
    connector.latencyMs = 50;
    await trigger(first, NUDGE_JOB);
    await connector.waitFor((c) => c.delivered.length >= 3, 20_000);
    const signalled = first.process.pid ? process.kill(first.process.pid, 'SIGTERM') : false;
    const exit = await first.process.exited;

    const acceptedBeforeExit = connector.delivered.length;
    const second = await bot(env);
    const restarted = await openStores(connectionStringFor(azuritePort), 'ppi');
    const kept = await Promise.all(seeded.map((c) => restarted.champions.get(c.person.id)));
    // Every send Teams accepted before the exit was finished and recorded: none is left claimed or unrecorded.
    const records = await Promise.all(
      seeded.map((c) => restarted.deliveries.get({ kind: 'nudge', targetId: c.person.id, cycle: c.nextDueAt })),
    );
    const recordedSent = records.filter((r) => r?.status === 'sent').length;
    const leftClaimed = records.filter((r) => r?.status === 'sending').length;
    const lease = await restarted.lease.tryAcquire(`job-${NUDGE_JOB}`, 'test-owner', 1_000);
    recordReliability({
      scenario: 'SIGTERM mid fan-out, restart on the same data',
      faults: signalled ? 1 : 0,
      expected: acceptedBeforeExit,
      delivered: recordedSent,
      duplicated: null,
      lost: seeded.length - kept.filter(Boolean).length,
      note: `exit code ${exit.code}; ${leftClaimed} left claimed; lease ${lease ? 'free' : 'still held'}; ${kept.filter(Boolean).length} of ${seeded.length} champions kept`,
    });
    expect(exit.code).toBe(0);
    expect(kept.every(Boolean)).toBe(true);
    expect(leftClaimed).toBe(0);
    expect(recordedSent).toBe(acceptedBeforeExit);
    expect(lease).toBe(true);
    expect(second.url).toContain('127.0.0.1');
  });
});
