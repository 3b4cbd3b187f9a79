import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId?: string;
  readonly body: Record<string, unknown>;
  /** The HTTP status the fake answered with. */
  readonly status: number;
  /** For accepted sends: the activity id handed back. */
  readonly activityId?: string;
  /** The answer was an injected fault (setFaults), not the connector's own. */
  readonly injected?: true;
  readonly at: number;
}

/** What to answer instead of success (an injected fault). */
export interface Fault {
  readonly status: number;
  /** Seconds, sent as the Retry-After header. */
  readonly retryAfter?: number;
  /** Delay before answering (ms), e.g. to simulate a timeout. */
  readonly delayMs?: number;
}

export type FaultRule = (call: {
  method: string;
  path: string;
  conversationId?: string;
  attempt: number;
}) => Fault | undefined;

/**
 * A local stand-in for the Bot Framework Connector (Teams' REST API for bots): records every send, create-conversation,
 * update and roster lookup, and can answer with injected faults (429 + Retry-After, 403, 5xx, delays).
 * `delivered` lists the sends it accepted: what a user would see.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: Server;
  private nextId = 1;
  private rule: FaultRule = () => undefined;
  private readonly attempts = new Map<string, number>();
  /** Fixed latency added to every answer (ms). */
  latencyMs = 0;
  /** Keep only counts, not bodies (long benchmark runs). */
  recordBodies = true;
  private readonly listeners = new Set<(call: ConnectorCall) => void>();

  private readonly arrivals = new Set<(call: { conversationId?: string }) => () => void>();

  /**
   * Called when a send arrives (before its latency and answer); the function it returns is called once answered.
   * Tests count what is in flight at once with it. Returns an unsubscribe function.
   */
  onArrival(listener: (call: { conversationId?: string }) => () => void): () => void {
    this.arrivals.add(listener);
    return () => this.arrivals.delete(listener);
  }

  /** Called for every request after it is answered; returns an unsubscribe function. */
  onCall(listener: (call: ConnectorCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(call: ConnectorCall): void {
    this.calls.push(this.recordBodies ? call : { ...call, body: {} });
    for (const listener of this.listeners) listener(call);
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeConnector is not started.');
    return `http://127.0.0.1:${address.port}/`;
  }

  static async start(): Promise<FakeConnector> {
    const connector = new FakeConnector();
    connector.server = createServer((req, res) => {
      void connector.handle(req, res);
    });
    connector.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => connector.server?.listen(0, '127.0.0.1', resolve));
    return connector;
  }

  /** Decides faults per request; `attempt` counts requests of that kind to that conversation (1 for the first). */
  setFaults(rule: FaultRule): void {
    this.rule = rule;
  }

  clearFaults(): void {
    this.rule = () => undefined;
  }

  /** Accepted new messages (POST activities answered 2xx). */
  get delivered(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities') && c.status < 300);
  }

  /** Requests answered with an injected fault. */
  get faulted(): ConnectorCall[] {
    return this.calls.filter((c) => c.injected);
  }

  deliveredTo(conversationId: string): ConnectorCall[] {
    return this.delivered.filter((c) => c.conversationId === conversationId);
  }

  get updates(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.status < 300);
  }

  async waitFor(predicate: (c: FakeConnector) => boolean, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > until) throw new Error(`FakeConnector: condition not met in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const conversationId = /\/v3\/conversations\/([^/]+)/.exec(path)?.[1];
    const decodedConversation = conversationId ? decodeURIComponent(conversationId) : undefined;
    // A proactive send posts as a reply to a random activity id: count attempts per conversation, not per URL.
    const attemptKey =
      method === 'POST' ? `${method} ${path.replace(/\/activities\/[^/]+$/, '/activities')}` : `${method} ${path}`;
    const attempt = (this.attempts.get(attemptKey) ?? 0) + 1;
    this.attempts.set(attemptKey, attempt);
    const fault = this.rule({ method, path, conversationId: decodedConversation, attempt });
    const isSend = method === 'POST' && path.includes('/activities');
    const answered = isSend
      ? [...this.arrivals].map((listener) => listener({ conversationId: decodedConversation }))
      : [];
    const delay = (fault?.delayMs ?? 0) + this.latencyMs;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    for (const done of answered) done();
    const at = Date.now();
    if (fault) {
      this.record({
        method,
        path,
        conversationId: decodedConversation,
        body,
        status: fault.status,
        injected: true,
        at,
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify({ error: { code: 'Injected', message: `injected ${fault.status}` } }));
      return;
    }
    const answer = this.answer(method, path, body);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
    this.record({
      method,
      path,
      conversationId: decodedConversation,
      body,
      status: answer.status,
      ...(answer.activityId ? { activityId: answer.activityId } : {}),
      at,
    });
  }

  private answer(
    method: string,
    path: string,
    body: Record<string, unknown>,
  ): { status: number; body: unknown; activityId?: string } {
    if (method === 'POST' && /^\/v3\/conversations\/?$/.test(path)) {
      const members = (body.members as { id?: string }[] | undefined) ?? [];
      return { status: 201, body: { id: `a:personal-${members[0]?.id ?? 'unknown'}` } };
    }
    if (method === 'POST' && path.includes('/activities')) {
      const activityId = `fake-${this.nextId++}`;
      return { status: 201, body: { id: activityId }, activityId };
    }
    if (method === 'PUT' && path.includes('/activities/')) {
      return { status: 200, body: { id: path.split('/').pop() } };
    }
    const member = /\/members\/([^/]+)$/.exec(path)?.[1];
    if (method === 'GET' && member) {
      const id = decodeURIComponent(member);
      return { status: 200, body: { id, name: id, aadObjectId: `aad-${id}` } };
    }
    return { status: 200, body: {} };
  }
}
