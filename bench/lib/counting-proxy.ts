import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forward } from '../../test/helpers/store-fault-proxy.js';

/**
 * An HTTP pass-through in front of Azurite that counts requests: how many storage round trips some work costs.
 * Shared Key signatures do not cover the host, so clients work through it unchanged. Used for counting only,
 * never for timing.
 */
export class CountingProxy {
  requests = 0;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<CountingProxy> {
    let proxy: CountingProxy | undefined;
    const server = createServer((req, res) => {
      if (proxy) proxy.requests++;
      forward(targetPort, req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new CountingProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  /** The Azurite connection string with the table endpoint moved to this proxy. */
  connectionString(azurite: string): string {
    return azurite.replace(/TableEndpoint=http:\/\/[^/]+\//, `TableEndpoint=http://127.0.0.1:${this.port}/`);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
