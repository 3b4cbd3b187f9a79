import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type ServerDeps, startServer } from '../src/server.js';

function deps(overrides: Partial<ServerDeps> = {}): ServerDeps {
  return {
    port: 0,
    host: '127.0.0.1',
    maxRequestBytes: 1024,
    log: createLogger({ level: 'silent', format: 'json' }),
    processActivity: async (_req, res) => {
      res.send(200);
    },
    handleTurn: async (_ctx: TurnContext) => undefined,
    readiness: async () => undefined,
    ...overrides,
  };
}

const post = (url: string, body: string) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('HTTP server', () => {
  it('answers /healthz, and /readyz with 503 and the reason when the store is unreachable', async () => {
    let reason: string | undefined;
    const server = await startServer(deps({ readiness: async () => reason }));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    reason = 'Azure Table Storage is not reachable';
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ reason });
    await server.close();
  });

  it('refuses bodies over the limit (413) and malformed JSON (400), and keeps serving', async () => {
    const server = await startServer(deps());
    expect((await post(server.url, JSON.stringify({ text: 'x'.repeat(5000) }))).status).toBe(413);
    expect((await post(server.url, '{not json')).status).toBe(400);
    expect((await post(server.url, '{}')).status).toBe(200);
    await server.close();
  });

  it('finishes an in-flight turn before close() resolves', async () => {
    const server = await startServer(
      deps({
        processActivity: async (_req, res) => {
          await new Promise((r) => setTimeout(r, 300));
          res.send(200, { done: true });
        },
      }),
    );
    const request = post(server.url, '{}');
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
