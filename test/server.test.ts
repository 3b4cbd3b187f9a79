import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type ServerDeps, startServer } from '../src/server.js';

const LIMIT = 128 * 1024;

/** A server whose adapter only counts what reached it (every refusal below must happen before the adapter). */
function deps(overrides: Partial<ServerDeps> = {}, lines: string[] = []) {
  const reached: unknown[] = [];
  const server: ServerDeps = {
    port: 0,
    host: '127.0.0.1',
    maxRequestBytes: LIMIT,
    log: createLogger({ level: 'info', format: 'json' }, { write: (line: string) => void lines.push(line) }),
    processActivity: async (req, res) => {
      reached.push(req.body);
      res.send(200);
    },
    handleTurn: async (_ctx: TurnContext) => undefined,
    readiness: async () => undefined,
    ...overrides,
  };
  return { server, reached };
}

const activity = {
  type: 'message',
  id: 'edge-1',
  text: 'help',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  from: { id: '29:1', aadObjectId: 'aad-1', name: 'Sam' },
  recipient: { id: '28:bot', name: 'PPI Partner' },
  conversation: { id: 'a:1', conversationType: 'personal', tenantId: 'tenant-test' },
  channelData: { tenant: { id: 'tenant-test' } },
};
const json = JSON.stringify(activity);

const post = (
  url: string,
  body: NonNullable<RequestInit['body']>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(`${url}/api/messages`, { method: 'POST', headers, body });

/** A body sent in chunks with no content-length, so only counting the bytes read can stop it. */
function postChunked(url: string, chunk: string, chunks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    let sent = 0;
    const more = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write(chunk)) {
          req.once('drain', more);
          return;
        }
      }
      req.end();
    };
    more();
  });
}

const uploadsInTmp = () => readdirSync(tmpdir()).filter((name) => name.startsWith('upload_')).length;

describe('HTTP server', () => {
  it('answers /healthz, and /readyz 503 without the storage error text, which goes to the log', async () => {
    let reason: string | undefined;
    const lines: string[] = [];
    const { server: config } = deps({ readiness: async () => reason }, lines);
    const server = await startServer(config);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    reason = 'Azure Table Storage is not reachable (connect ECONNREFUSED 10.1.2.3:443 AccountName=secretish)';
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable' });
    expect(text).not.toContain('ECONNREFUSED');
    expect(lines.join('\n')).toContain('ECONNREFUSED 10.1.2.3');
    await server.close();
  });

  const multipart = [
    '--XX',
    'Content-Disposition: form-data; name="type"',
    '',
    'message',
    '--XX',
    'Content-Disposition: form-data; name="upload"; filename="a.txt"',
    'Content-Type: text/plain',
    '',
    'x'.repeat(1000),
    '--XX--',
    '',
  ].join('\r\n');
  const deep = (n: number) => json.replace('"help"', `"help","value":{"a":${'['.repeat(n)}${']'.repeat(n)}}`);

  it.each<[string, Record<string, string>, NonNullable<RequestInit['body']>, number]>([
    ['gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(json), 415],
    ['deflate', { 'content-type': 'application/json', 'content-encoding': 'deflate' }, deflateSync(json), 415],
    ['br', { 'content-type': 'application/json', 'content-encoding': 'br' }, brotliCompressSync(json), 415],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=XX' }, multipart, 415],
    [
      'urlencoded',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'type=message&text=help&channelId=msteams&serviceUrl=https://x/&from[id]=1&conversation[id]=a',
      415,
    ],
    ['text/plain', { 'content-type': 'text/plain' }, json, 415],
    ['no content-type', {}, json, 415],
    ['JSON in another charset', { 'content-type': 'application/json; charset=iso-8859-1' }, json, 415],
    ['oversize', { 'content-type': 'application/json' }, JSON.stringify({ ...activity, text: 'x'.repeat(LIMIT) }), 413],
    ['deep JSON (30,000)', { 'content-type': 'application/json' }, deep(30_000), 400],
    ['deep JSON (65)', { 'content-type': 'application/json' }, deep(64), 400],
    ['malformed JSON', { 'content-type': 'application/json' }, '{not json', 400],
    ['empty body', { 'content-type': 'application/json' }, '', 400],
    ['invalid UTF-8', { 'content-type': 'application/json' }, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400],
  ])(
    'refuses a %s body before anything reaches the adapter, and keeps serving',
    async (_kind, headers, body, status) => {
      const uploadsBefore = uploadsInTmp();
      const { server: config, reached } = deps();
      const server = await startServer(config);
      const res = await post(server.url, body, headers);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: expect.stringMatching(/\.$/) });
      expect(reached).toEqual([]);
      expect(uploadsInTmp()).toBe(uploadsBefore);
      expect((await post(server.url, json)).status).toBe(200);
      expect(reached).toHaveLength(1);
      await server.close();
    },
  );

  it('accepts JSON nested to the limit and JSON with charset=utf-8', async () => {
    const { server: config, reached } = deps({ maxRequestBytes: 256 * 1024 });
    const server = await startServer(config);
    expect((await post(server.url, deep(60))).status).toBe(200);
    expect((await post(server.url, json, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect(reached).toHaveLength(2);
    expect(reached[1]).toEqual(activity);
    await server.close();
  });

  it('stops reading a chunked body with no content-length once it passes the limit (413)', async () => {
    const { server: config, reached } = deps();
    const server = await startServer(config);
    expect(await postChunked(server.url, 'x'.repeat(4096), 1024)).toBe(413);
    expect(reached).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  const bad = (patch: Record<string, unknown>) => JSON.stringify({ ...activity, ...patch });
  it.each<[string, string, number]>([
    ['{"type":42}', '{"type":42}', 400],
    ['type 42 in a full activity', bad({ type: 42 }), 400],
    ['ids given as numbers', bad({ id: 5, from: { id: 7, aadObjectId: 8 }, conversation: { id: 9 } }), 400],
    ['from.aadObjectId a number', bad({ from: { id: '29:1', aadObjectId: 12345 } }), 400],
    ['from an array', bad({ from: [{ id: '29:1' }] }), 400],
    ['conversation null', bad({ conversation: null }), 400],
    ['recipient missing', bad({ recipient: undefined }), 400],
    ['serviceUrl not an address', bad({ serviceUrl: 'javascript:alert(1)' }), 400],
    ['serviceUrl a number', bad({ serviceUrl: 443 }), 400],
    ['channelId an object', bad({ channelId: { id: 'msteams' } }), 400],
    ['value a string', bad({ value: 'submit' }), 400],
    ['value an array', bad({ value: [1, 2] }), 400],
    ['text an object', bad({ text: { bold: true } }), 400],
    ['entities a string', bad({ entities: 'mention' }), 400],
    ['entities huge', bad({ entities: Array.from({ length: 300 }, () => ({ type: 'mention' })) }), 400],
    ['channelData.tenant.id a number', bad({ channelData: { tenant: { id: 7 } } }), 400],
    ['card action without an action', bad({ type: 'invoke', name: 'adaptiveCard/action', value: { verb: 'x' } }), 400],
    [
      'card action verb a number',
      bad({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 3 } } }),
      400,
    ],
    ['a JSON array', '[]', 400],
    ['a JSON string', '"message"', 400],
    ['Web Chat', bad({ channelId: 'webchat' }), 403],
    ['Direct Line', bad({ channelId: 'directline' }), 403],
  ])('refuses an activity with %s at the edge', async (_case, body, status) => {
    const { server: config, reached } = deps({ maxRequestBytes: 256 * 1024 });
    const server = await startServer(config);
    const res = await post(server.url, body);
    expect(res.status).toBe(status);
    expect(reached).toEqual([]);
    await server.close();
  });

  it('finishes an in-flight turn before close() resolves', async () => {
    const { server: config } = deps({
      processActivity: async (_req, res) => {
        await new Promise((r) => setTimeout(r, 300));
        res.send(200, { done: true });
      },
    });
    const server = await startServer(config);
    const request = post(server.url, json);
    await new Promise((r) => setTimeout(r, 50));
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    const res = await request;
    expect(res.status).toBe(200);
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
