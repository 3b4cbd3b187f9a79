import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One write the bot sent to the store through the proxy (creates, replaces, merges, deletes, batches). */
export interface StoreWrite {
  readonly method: string;
  /** The table the write is for (e.g. `t1a2b3c4dRecords2026Q4`). */
  readonly table: string;
  /** Whether the proxy refused it (an injected fault). */
  readonly refused: boolean;
}

/** Which writes fail: from the n-th write (1-based) to a matching table on, every one, until cleared. */
export interface WriteFault {
  readonly table: RegExp;
  readonly fromWrite: number;
}

/** Passes one request on to the server at `port` on loopback, and its answer back. */
export function forward(port: number, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

const WRITES = new Set(['POST', 'PUT', 'MERGE', 'PATCH', 'DELETE']);

/** The table a Table service request is for: `/devstoreaccount1/Name(PartitionKey=…)` or `/…/Name`. */
function tableOf(url: string): string {
  const path = decodeURIComponent(url.split('?')[0] ?? '');
  return /^\/[^/]+\/([A-Za-z0-9]+)/.exec(path)?.[1] ?? '';
}

/**
 * An HTTP pass-through in front of Azurite that can make writes fail, like a store that goes away in the middle of
 * some work (or a process that dies there): from the n-th write to a table on, every write to it is answered 503
 * (the SDK's own retries included), while reads still work. Shared Key signatures do not cover the host, so clients
 * work through it unchanged.
 */
export class StoreFaultProxy {
  readonly writes: StoreWrite[] = [];
  private fault: WriteFault | undefined;
  private counted = 0;
  /** Where `writes` stood when the fault was set: `refused` counts from there. */
  private since = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(azuriteConnectionString: string): Promise<StoreFaultProxy> {
    const target = /TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)\//.exec(azuriteConnectionString)?.[1];
    if (!target) throw new Error('StoreFaultProxy needs a loopback Azurite connection string.');
    let proxy: StoreFaultProxy | undefined;
    const server = createServer((req, res) => {
      if (proxy?.refuses(req)) {
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ 'odata.error': { code: 'ServerBusy', message: { value: 'injected fault' } } }));
        return;
      }
      forward(Number(target), req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new StoreFaultProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  /** The connection string with the table endpoint moved to this proxy. */
  connectionString(azurite: string): string {
    return azurite.replace(/TableEndpoint=http:\/\/[^/]+\//, `TableEndpoint=http://127.0.0.1:${this.port}/`);
  }

  /** From the `fromWrite`-th write to a table matching `table` on, writes to those tables fail. */
  failWrites(fault: WriteFault): void {
    this.fault = fault;
    this.counted = 0;
    this.since = this.writes.length;
  }

  clear(): void {
    this.fault = undefined;
  }

  /** Writes to matching tables refused since the fault was last set. */
  refused(table: RegExp): number {
    return this.writes.slice(this.since).filter((w) => w.refused && table.test(w.table)).length;
  }

  private refuses(req: IncomingMessage): boolean {
    const method = req.method ?? 'GET';
    if (!WRITES.has(method)) return false;
    const table = tableOf(req.url ?? '');
    const matches = this.fault?.table.test(table) ?? false;
    if (matches) this.counted++;
    const refused = matches && this.counted >= (this.fault?.fromWrite ?? Number.POSITIVE_INFINITY);
    this.writes.push({ method, table, refused });
    return refused;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
