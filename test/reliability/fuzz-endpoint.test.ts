import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';
import { recordReliability } from './reliability-report.js';

const FUZZ_CASES = 5000;

/** A connector that accepts every reply, so the fuzzing measures the bot and not network errors. */
function startSinkConnector(): Promise<{ server: Server; url: string; received: () => number }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received}` }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received: () => received }),
    ),
  );
}

const verbs = [...Object.values(PirVerb), 'help.show', 'no.such.verb', ''];
const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant('x'.repeat(20_000)),
  fc.constant('943 476 5919'),
  fc.constant('\u0000\u0007\u001b[31m'),
);
const users = fc.constantFrom('aad-ppi-admin', 'aad-lead-1', 'aad-lead-2', 'aad-stranger');

function activityArb(serviceUrl: string) {
  const base = fc.record({
    id: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
    user: users,
    conversationId: fc.constantFrom('a:p1', 'a:p2', '19:channel', ''),
    conversationType: fc.constantFrom('personal', 'channel', 'groupChat', undefined),
  });
  const message = fc.record({
    type: fc.constant('message'),
    text: fc.oneof(
      fc.constantFrom(
        'help',
        'new request',
        'continue',
        'my requests',
        'status PIR-2026-0001',
        'set PPI team channel',
        'add PPI team member',
        'champions',
      ),
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      junk,
    ),
    value: fc.option(junk, { nil: undefined }),
  });
  const invoke = fc.record({
    type: fc.constant('invoke'),
    name: fc.constantFrom('adaptiveCard/action', 'task/fetch', 'unknown/thing'),
    value: fc.oneof(
      fc.record({
        action: fc.record({
          type: fc.constantFrom('Action.Execute', 'Action.Submit', 'weird'),
          verb: fc.constantFrom(...verbs),
          data: fc.oneof(
            fc.dictionary(
              fc.constantFrom(
                'pirId',
                'revision',
                'step',
                'leadId',
                'decision',
                'title',
                'comment',
                'directorate',
                'startDate',
              ),
              junk,
            ),
            junk,
          ),
        }),
      }),
      junk,
    ),
  });
  const other = fc.record({
    type: fc.constantFrom(
      'conversationUpdate',
      'installationUpdate',
      'messageReaction',
      'event',
      'typing',
      'nonsense',
      '',
    ),
    action: fc.option(fc.constantFrom('add', 'remove'), { nil: undefined }),
  });
  return fc.tuple(base, fc.oneof(message, invoke, other)).map(([b, body]) => ({
    ...body,
    id: b.id,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${b.user}`, aadObjectId: b.user, name: 'Fuzz' },
    recipient: { id: '28:bot', name: 'PPI Partner' },
    conversation: { id: b.conversationId, conversationType: b.conversationType, tenantId: 'tenant-test' },
    channelData: { tenant: { id: 'tenant-test' } },
  }));
}

const rawBodies = fc.oneof(
  fc.constant('{not json'),
  fc.constant(''),
  fc.constant('[]'),
  fc.constant('null'),
  fc.constant('"a string"'),
  fc.string({ maxLength: 200 }),
  fc.constant(JSON.stringify({ type: 'message', text: 'y'.repeat(1_048_576) })),
);

describe('hostile input at the real endpoint', () => {
  let running: RunningBot;
  let sink: Awaited<ReturnType<typeof startSinkConnector>>;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    sink = await startSinkConnector();
    running = await startRunningBot();
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await running.stop();
    sink.server.close();
  });

  it(`survives ${FUZZ_CASES} generated activities and malformed bodies without a crash or a 5xx the protocol does not demand`, async () => {
    const statuses = new Map<number, number>();
    const activities = fc.sample(activityArb(sink.url), { numRuns: FUZZ_CASES - 200, seed: 20261122 });
    const bodies = fc.sample(rawBodies, { numRuns: 200, seed: 7 });
    const payloads = [...activities.map((a) => JSON.stringify(a)), ...bodies];
    const handledInvoke = new Set(
      activities
        .map((a, i) => ({ a: a as { type?: string; name?: string; value?: { action?: { type?: unknown } } }, i }))
        .filter(
          ({ a }) =>
            a.type === 'invoke' && a.name === 'adaptiveCard/action' && a.value?.action?.type === 'Action.Execute',
        )
        .map(({ i }) => i),
    );
    const isInvoke = new Set(activities.flatMap((a, i) => ((a as { type?: string }).type === 'invoke' ? [i] : [])));
    const badFiveHundreds: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < payloads.length) {
        const index = next++;
        const body = payloads[index] ?? '';
        const res = await fetch(`${running.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // 501 is the protocol's answer to an invoke the bot does not implement; any other 5xx is a failure.
        const protocol501 = res.status === 501 && isInvoke.has(index) && !handledInvoke.has(index);
        if (res.status >= 500 && !protocol501) badFiveHundreds.push(index);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    console.log(
      `fuzz: ${payloads.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, replies ${sink.received()}`,
    );
    expect(payloads.length).toBeGreaterThanOrEqual(FUZZ_CASES);
    expect(badFiveHundreds.map((i) => payloads[i]?.slice(0, 300))).toEqual([]);
    expect(rejections).toEqual([]);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);

    for (const row of await running.bot.stores.pirs.listForLead('aad-lead-1')) {
      expect(['draft', 'submitted', 'changes-requested', 'accepted', 'accepted-with-conditions', 'declined']).toContain(
        row.status,
      );
      expect(row.revision).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(row.answers)).not.toContain('943 476 5919');
    }
    recordReliability({
      scenario: 'fuzz: generated hostile activities to the real endpoint',
      faults: payloads.length,
      expected: payloads.length,
      delivered: payloads.length - badFiveHundreds.length,
      duplicated: 0,
      lost: 0,
      note: `${payloads.length} fuzz cases, ${badFiveHundreds.length} unexpected 5xx, ${rejections.length} unhandled rejections`,
    });
  }, 240_000);
});
