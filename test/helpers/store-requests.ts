import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** The port of the Table endpoint in a connection string (`TableEndpoint=http://127.0.0.1:PORT/…`). */
export function tablePortOf(connectionString: string): number {
  const port = /TableEndpoint=http:\/\/[^:/]+:(\d+)\//.exec(connectionString)?.[1];
  if (!port) throw new Error('The connection string names no Table endpoint port.');
  return Number(port);
}

/**
 * Counts the HTTP requests this process sends to the Table endpoint on `port`: each one storage round trip (an
 * entity-group transaction is one request, as it is one round trip). Counted where Node's HTTP client starts a request
 * (the `http.client.request.start` diagnostics channel), under the Azure SDK's pipeline and its retries, so nothing is
 * estimated and the bot runs unchanged, with no proxy in the way.
 */
export class StoreRequestCounter {
  count = 0;
  private readonly host: string;
  private readonly onRequest = (message: unknown) => {
    const request = (message as { request?: ClientRequest }).request;
    if (String(request?.getHeader('host') ?? '') === this.host) this.count++;
  };

  constructor(port: number) {
    this.host = `127.0.0.1:${port}`;
    subscribe('http.client.request.start', this.onRequest);
  }

  /** Counts from zero again. */
  reset(): void {
    this.count = 0;
  }

  stop(): void {
    unsubscribe('http.client.request.start', this.onRequest);
  }
}
