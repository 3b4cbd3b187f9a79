import { afterEach, describe, expect, it } from 'vitest';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { FakeConnector } from '../helpers/fake-connector.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';
import { MONDAY_10AM, reachableChampions, seedChampions } from './engine-fixture.js';

const SECRET = 'test-secret-that-is-long-enough-1234';
const running: RunningBot[] = [];
const connectors: FakeConnector[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
  await Promise.all(connectors.splice(0).map((c) => c.stop()));
});

async function post(bot: RunningBot, job: string, secret?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${bot.url}/api/jobs/${job}`, {
    method: 'POST',
    headers: secret === undefined ? {} : { 'x-jobs-secret': secret },
  });
  return { status: response.status, body: await response.json() };
}

describe('POST /api/jobs/<name>', () => {
  it('is disabled (503) until JOBS_SECRET is set, and says so', async () => {
    const bot = await startRunningBot({ SCHEDULER_ENABLED: 'false' });
    running.push(bot);
    const answer = await post(bot, NUDGE_JOB, SECRET);
    expect(answer.status).toBe(503);
    expect(JSON.stringify(answer.body)).toContain('set JOBS_SECRET');
  });

  it('refuses a missing or wrong secret (401) and an unknown job (404)', async () => {
    const bot = await startRunningBot({ JOBS_SECRET: SECRET });
    running.push(bot);
    expect((await post(bot, NUDGE_JOB)).status).toBe(401);
    expect((await post(bot, NUDGE_JOB, `${SECRET}x`)).status).toBe(401);
    expect((await post(bot, 'rm-rf', SECRET)).status).toBe(404);
  });

  it('answers 202 at once and fans out in the background', async () => {
    const connector = await FakeConnector.start();
    connectors.push(connector);
    connector.latencyMs = 50;
    const bot = await startRunningBot({ JOBS_SECRET: SECRET }, { now: () => MONDAY_10AM });
    running.push(bot);
    await seedChampions(bot.bot, reachableChampions(connector, 20));
    const started = Date.now();
    const answer = await post(bot, NUDGE_JOB, SECRET);
    expect(answer).toEqual({ status: 202, body: { accepted: NUDGE_JOB } });
    expect(connector.delivered.length).toBeLessThan(20);
    expect(Date.now() - started).toBeLessThan(1_000);
    await connector.waitFor((c) => c.delivered.length === 20);
  });
});
