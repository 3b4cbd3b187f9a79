import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIFECYCLE_JOB } from '../../src/lifecycle/domain/lifecycle-work.js';
import { readProject } from '../../src/lifecycle/domain/project.js';
import { type EngineBot, personalRef, startEngineBot } from '../delivery/engine-fixture.js';
import { uniquePrefix } from '../helpers/azurite.js';
import { FakeConnector } from '../helpers/fake-connector.js';
import { recordReliability } from '../reliability/reliability-report.js';
import { acceptedRequest, seedAccepted, setChannel } from './lifecycle-seed.js';

let connector: FakeConnector;
beforeEach(async () => {
  connector = await FakeConnector.start();
});
afterEach(async () => {
  await connector.stop();
});

const chat = (leadId: string) => personalRef(connector, leadId);
const channel = () => ({ ...personalRef(connector, 'ppi'), conversation: { id: '19:ppi-channel@thread.tacv2' } });

/** Messages the fake connector accepted, by conversation. */
function perConversation(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of connector.delivered)
    counts.set(c.conversationId ?? '?', (counts.get(c.conversationId ?? '?') ?? 0) + 1);
  return counts;
}

const texts = (conversationId: string) => connector.deliveredTo(conversationId).map((c) => JSON.stringify(c.body));

async function run(engine: EngineBot, at: string): Promise<void> {
  engine.clock = new Date(at);
  await engine.bot.scheduler.runOnce(LIFECYCLE_JOB);
}

describe('the close-out check-in through the delivery engine (fake Bot Connector)', () => {
  it('is due on the first working day after the end date: across Christmas, in working hours, once, then one reminder, then the PPI team', async () => {
    const engine = await startEngineBot({ now: new Date('2026-12-24T10:00:00Z') });
    // Thursday 24 December 2026: Christmas Day, the weekend and the Boxing Day substitute (Monday 28th) follow.
    await seedAccepted(engine.bot, [acceptedRequest('lead-1', 1, '2026-12-24')], chat);
    await setChannel(engine.bot, channel());
    const leadChat = 'a:chat-lead-1';
    for (const at of ['2026-12-24T15:00:00Z', '2026-12-25T10:00:00Z', '2026-12-28T10:00:00Z', '2026-12-29T09:00:00Z']) {
      await run(engine, at);
      expect(connector.delivered, at).toHaveLength(0);
    }
    await run(engine, '2026-12-29T09:31:00Z');
    expect(texts(leadChat)).toHaveLength(1);
    expect(texts(leadChat)[0]).toContain('Close-out check-in');
    expect(texts(leadChat)[0]).toContain('Thursday 24 December 2026');
    await run(engine, '2026-12-29T13:00:00Z');
    expect(connector.delivered).toHaveLength(1);

    // The reminder: five working days later (30, 31 December, 4, 5, 6 January; New Year's Day is a bank holiday).
    await run(engine, '2027-01-05T15:00:00Z');
    expect(connector.delivered).toHaveLength(1);
    await run(engine, '2027-01-06T09:31:00Z');
    expect(texts(leadChat)).toHaveLength(2);
    expect(texts(leadChat)[1]).toContain('Close-out check-in · reminder');

    // Unanswered five working days after that: listed for the PPI team in its channel, once; the lead hears no more.
    await run(engine, '2027-01-13T09:31:00Z');
    await run(engine, '2027-01-20T10:00:00Z');
    const posted = texts('19:ppi-channel@thread.tacv2');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('PIR-2026-0001: close-out not answered');
    expect(texts(leadChat)).toHaveLength(2);
    const project = readProject((await engine.bot.stores.pirs.findByReference('PIR-2026-0001'))?.project);
    expect(project.checkIn).toEqual({
      cycle: '2026-12-24',
      sentAt: '2026-12-29T09:31:00.000Z',
      followUpSentAt: '2027-01-06T09:31:00.000Z',
      listedAt: '2027-01-13T09:31:00.000Z',
    });
  });

  it('sends each check-in once when two instances run at once, and nothing again after a restart', async () => {
    const prefix = uniquePrefix();
    const a = await startEngineBot({ prefix, now: new Date('2027-07-01T07:00:00Z') });
    const b = await startEngineBot({ prefix, now: new Date('2027-07-01T07:00:00Z') });
    const projects = Array.from({ length: 24 }, (_, i) => acceptedRequest(`lead-${i}`, i + 1, '2027-06-30'));
    await seedAccepted(a.bot, projects, chat);
    // Due Thursday 1 July 2027 at 09:30 BST (08:30 UTC).
    for (const engine of [a, b]) engine.clock = new Date('2027-07-01T08:29:00Z');
    await Promise.all([a.bot.scheduler.runOnce(LIFECYCLE_JOB), b.bot.scheduler.runOnce(LIFECYCLE_JOB)]);
    const beforeDue = connector.delivered.length;
    for (const engine of [a, b]) engine.clock = new Date('2027-07-01T08:31:00Z');
    // Without the lease too: both runners race over the same due work.
    const raw = (engine: EngineBot, id: string) =>
      engine.bot.jobs.find((j) => j.name === LIFECYCLE_JOB)?.run(id, () => true) ?? Promise.resolve();
    await Promise.all([raw(a, 'run-a'), raw(b, 'run-b')]);
    await Promise.all([a.bot.scheduler.runOnce(LIFECYCLE_JOB), b.bot.scheduler.runOnce(LIFECYCLE_JOB)]);
    const restarted = await startEngineBot({ prefix, now: new Date('2027-07-01T09:00:00Z') });
    await restarted.bot.scheduler.runOnce(LIFECYCLE_JOB);
    const counts = perConversation();

    // The reminders, a week later (8 July: five working days), from both instances at once: one each.
    for (const engine of [a, b]) engine.clock = new Date('2027-07-08T08:31:00Z');
    await Promise.all([raw(a, 'run-a2'), raw(b, 'run-b2')]);
    const after = perConversation();
    const duplicated = [...after.values()].filter((n) => n > 2).length;
    recordReliability({
      scenario: 'close-out check-ins and reminders: two instances at once, then a restart',
      faults: 0,
      expected: projects.length * 2,
      delivered: connector.delivered.length,
      duplicated,
      lost: projects.length * 2 - connector.delivered.length,
    });
    expect(beforeDue).toBe(0);
    expect(counts.size).toBe(projects.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect([...after.values()].every((n) => n === 2)).toBe(true);
  });

  it('finishes a run that stopped midway after a restart, without sending anything twice', async () => {
    const prefix = uniquePrefix();
    const first = await startEngineBot({ prefix, now: new Date('2027-07-01T08:00:00Z'), delivery: { concurrency: 1 } });
    const projects = Array.from({ length: 12 }, (_, i) => acceptedRequest(`lead-${i}`, i + 1, '2027-06-30'));
    await seedAccepted(first.bot, projects, chat);
    // The day's first run (the sweep, nothing due yet); the next stops after five items.
    await first.bot.scheduler.runOnce(LIFECYCLE_JOB);
    first.clock = new Date('2027-07-01T08:31:00Z');
    let budget = 5;
    await first.bot.jobs.find((j) => j.name === LIFECYCLE_JOB)?.run('interrupted', () => budget-- > 0);
    const before = connector.delivered.length;
    const restarted = await startEngineBot({ prefix, now: new Date('2027-07-01T09:00:00Z') });
    await restarted.bot.scheduler.runOnce(LIFECYCLE_JOB);
    const counts = perConversation();
    recordReliability({
      scenario: 'close-out check-ins: run stopped midway, then restarted',
      faults: before < projects.length ? 1 : 0,
      expected: projects.length,
      delivered: counts.size,
      duplicated: [...counts.values()].filter((n) => n > 1).length,
      lost: projects.length - counts.size,
      note: `${before} sent before the stop`,
    });
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(projects.length);
    expect(counts.size).toBe(projects.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('retries a refused send and lists the project for the PPI team when its lead cannot be reached', async () => {
    const engine = await startEngineBot({ now: new Date('2027-07-01T08:31:00Z') });
    await seedAccepted(
      engine.bot,
      [acceptedRequest('lead-1', 1, '2027-06-30'), acceptedRequest('lead-2', 2, '2027-06-30')],
      chat,
    );
    await setChannel(engine.bot, channel());
    connector.setFaults(({ method, conversationId, attempt }) =>
      method === 'POST' && conversationId === 'a:chat-lead-1' && attempt <= 2
        ? { status: 503 }
        : conversationId === 'a:chat-lead-2'
          ? { status: 403 }
          : undefined,
    );
    await run(engine, '2027-07-01T08:31:00Z');
    expect(connector.calls.filter((c) => c.conversationId === 'a:chat-lead-1' && c.status === 503)).toHaveLength(2);
    expect(texts('a:chat-lead-1')).toHaveLength(1);
    expect(texts('a:chat-lead-2')).toHaveLength(0);
    // The unreachable lead's project is listed for the PPI team at once, not after a reminder's wait.
    await run(engine, '2027-07-01T08:40:00Z');
    const posted = texts('19:ppi-channel@thread.tacv2');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('PIR-2026-0002: close-out not answered');
    expect(posted[0]).toContain('could not reach the lead');
  });

  it('records a reminder that could not reach the lead as not sent, and tells the PPI team so at once', async () => {
    const engine = await startEngineBot({ now: new Date('2027-07-01T07:00:00Z') });
    await seedAccepted(engine.bot, [acceptedRequest('lead-1', 1, '2027-06-30')], chat);
    await setChannel(engine.bot, channel());
    const leadChat = 'a:chat-lead-1';
    await run(engine, '2027-07-01T08:31:00Z');
    expect(texts(leadChat)).toHaveLength(1);
    // By the reminder's day the lead has left the Trust: Teams refuses the 1:1 chat.
    connector.setFaults(({ conversationId }) => (conversationId === leadChat ? { status: 403 } : undefined));
    engine.clock = new Date('2027-07-08T09:00:00Z');
    await run(engine, '2027-07-08T09:31:00Z');
    expect(texts(leadChat)).toHaveLength(1);
    const project = readProject((await engine.bot.stores.pirs.findByReference('PIR-2026-0001'))?.project);
    expect(project.checkIn?.followUpSentAt).toBeUndefined();
    expect(project.checkIn?.followUpNotSentAt).toBeDefined();
    // The listing does not wait another five working days for an answer that cannot come.
    await run(engine, '2027-07-08T09:40:00Z');
    const posted = texts('19:ppi-channel@thread.tacv2');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('its reminder could not reach the lead');
    const status = readProject((await engine.bot.stores.pirs.findByReference('PIR-2026-0001'))?.project);
    expect(status.checkIn?.listedAt).toBeDefined();
  });
});
