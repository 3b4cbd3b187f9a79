import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';
import { recordReliability } from './reliability-report.js';

const FUZZ_CASES = 5000;
const CONFUSED_CASES = 2000;

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
  // An Action.Submit press: a message with no text whose value names a verb, with forged or junk data beside it.
  const submit = fc.record({
    type: fc.constant('message'),
    value: fc
      .tuple(
        fc.constantFrom(...verbs),
        fc.dictionary(fc.constantFrom('pirId', 'leadId', 'step', 'revision', 'decision', 'comment', 'verb'), junk),
      )
      .map(([verb, data]) => ({ ...data, verb })),
    replyToId: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
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
  return fc.tuple(base, fc.oneof(message, submit, invoke, other)).map(([b, body]) => ({
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

/** JSON text nested `depth` deep, built as text (JSON.stringify itself overflows the stack past ~10,000). */
const DEEP = (depth: number) => `"__DEEP_${depth}__"`;
const expandDeep = (json: string) =>
  json.replace(/"__DEEP_(\d+)__"/g, (_, n: string) => `${'['.repeat(Number(n))}${']'.repeat(Number(n))}`);

/** Values of the wrong type for any field: numbers for strings, arrays for objects, nulls, deep nesting, huge arrays. */
const hostileValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.string({ maxLength: 40 }),
  fc.dictionary(fc.constantFrom('id', 'type', 'action', 'verb', 'data'), fc.oneof(fc.integer(), fc.constant(null))),
  fc.integer({ min: 2, max: 200 }).map(DEEP),
  fc.constant(DEEP(30_000)),
  fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
  fc.constant(Array.from({ length: 2_000 }, () => ({ type: 'mention', mentioned: { id: 7 } }))),
);
const FIELDS = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'from',
  'from.id',
  'from.aadObjectId',
  'from.name',
  'recipient',
  'recipient.id',
  'conversation',
  'conversation.id',
  'conversation.tenantId',
  'conversation.conversationType',
  'conversation.isGroup',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.team',
  'value',
  'value.action',
  'value.action.verb',
  'value.action.data',
  'text',
  'name',
  'entities',
  'attachments',
  'membersAdded',
  'replyToId',
  'timestamp',
] as const;
const CHANNELS = ['msteams', 'msteams', 'msteams', 'webchat', 'directline', 'emulator', 'MSTEAMS', ' msteams', ''];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] ?? path] = value;
}

/** A generated activity with one to three fields replaced by hostile values, from a channel that may not be Teams. */
function typeConfusedArb(serviceUrl: string) {
  return fc
    .tuple(
      activityArb(serviceUrl),
      fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileValue), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...CHANNELS),
    )
    .map(([activity, edits, channelId]) => {
      const copy = JSON.parse(JSON.stringify({ ...activity, channelId })) as Record<string, unknown>;
      for (const [path, value] of edits) setPath(copy, path, structuredClone(value));
      return copy;
    });
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
  const logLines: string[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    sink = await startSinkConnector();
    const log = createLogger({ level: 'error', format: 'json' }, { write: (line: string) => void logLines.push(line) });
    running = await startRunningBot({}, { log });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await running.stop();
    sink.server.close();
  });

  it(`survives ${FUZZ_CASES} generated activities, ${CONFUSED_CASES} type-confused envelopes and malformed bodies without a crash or a 5xx the protocol does not demand`, async () => {
    const statuses = new Map<number, number>();
    const generated = fc.sample(activityArb(sink.url), { numRuns: FUZZ_CASES - 200, seed: 20261122 });
    const confused = fc.sample(typeConfusedArb(sink.url), { numRuns: CONFUSED_CASES, seed: 20261207 });
    const activities: Record<string, unknown>[] = [...generated, ...confused];
    const bodies = fc.sample(rawBodies, { numRuns: 200, seed: 7 });
    const payloads = [...activities.map((a) => expandDeep(JSON.stringify(a))), ...bodies];
    type Shape = { type?: unknown; name?: unknown; channelId?: unknown; value?: { action?: { type?: unknown } } };
    const shapes = activities as Shape[];
    const isInvoke = (i: number) => shapes[i]?.type === 'invoke';
    const handledInvoke = (i: number) =>
      isInvoke(i) && shapes[i]?.name === 'adaptiveCard/action' && shapes[i]?.value?.action?.type === 'Action.Execute';
    const badFiveHundreds: number[] = [];
    const foreignChannelAccepted: number[] = [];
    const confusedStatuses = new Map<number, number>();
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
        if (index >= generated.length && index < activities.length) {
          confusedStatuses.set(res.status, (confusedStatuses.get(res.status) ?? 0) + 1);
        }
        // 501 is the protocol's answer to an invoke the bot does not implement; any other 5xx is a failure.
        const protocol501 = res.status === 501 && isInvoke(index) && !handledInvoke(index);
        if (res.status >= 500 && !protocol501) badFiveHundreds.push(index);
        const channel = shapes[index]?.channelId;
        if (index < activities.length && channel !== 'msteams' && res.status < 400) foreignChannelAccepted.push(index);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const turnErrors = logLines.filter((line) => line.includes('unhandled turn error')).length;
    console.log(
      `fuzz: ${payloads.length} requests (${generated.length} generated activities, ${confused.length} type-confused envelopes, ${bodies.length} raw bodies), statuses ${JSON.stringify(Object.fromEntries(statuses))}, type-confused statuses ${JSON.stringify(Object.fromEntries(confusedStatuses))}, replies ${sink.received()}, unexpected 5xx ${badFiveHundreds.length}, unhandled rejections ${rejections.length}, unhandled turn errors ${turnErrors}`,
    );
    const statusNames = ['draft', 'submitted', 'changes-requested', 'accepted', 'accepted-with-conditions', 'declined'];
    const stored = await running.bot.stores.pirs.listForLead('aad-lead-1');
    const broken = stored.filter(
      (row) =>
        !statusNames.includes(row.status) || row.revision < 1 || JSON.stringify(row.answers).includes('943 476 5919'),
    );
    recordReliability({
      scenario: 'fuzz: generated hostile activities to the real endpoint',
      faults: payloads.length,
      expected: payloads.length,
      delivered: payloads.length - badFiveHundreds.length - foreignChannelAccepted.length,
      duplicated: null,
      lost: broken.length,
      note: `${payloads.length} fuzz cases (${confused.length} type-confused), ${badFiveHundreds.length} unexpected 5xx, ${rejections.length} unhandled rejections, ${turnErrors} unhandled turn errors; lost = stored requests breaking an invariant (of ${stored.length})`,
    });
    expect(payloads.length).toBeGreaterThanOrEqual(FUZZ_CASES + CONFUSED_CASES);
    expect(badFiveHundreds.map((i) => payloads[i]?.slice(0, 300))).toEqual([]);
    expect(foreignChannelAccepted.map((i) => payloads[i]?.slice(0, 300))).toEqual([]);
    expect(rejections).toEqual([]);
    expect(turnErrors).toBe(0);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(broken).toEqual([]);
  }, 300_000);
});
