import { Socket } from 'node:net';

/** Outgoing connections refused because they were off loopback, as `host:port`. */
export interface LoopbackGuard {
  readonly refused: readonly string[];
  /** Puts the ordinary `Socket.connect` back. */
  release(): void;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/i;

/** Host and port of a `Socket.connect` call, or undefined for a local pipe (`path`). */
function destinationOf(args: unknown[]): { host: string; port: unknown } | undefined {
  // net.connect / tls.connect / http agents hand over [options, callback] already normalised, or options, or (port, host).
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    const options = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof options.path === 'string') return undefined;
    return { host: typeof options.host === 'string' ? options.host : 'localhost', port: options.port };
  }
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

/**
 * Refuses every TCP connection this process opens to a host other than loopback (HTTP, HTTPS, fetch, anything on
 * `net.Socket`), and records it: the socket fails with an error instead of reaching the network. One per test file.
 */
export function allowLoopbackOnly(): LoopbackGuard {
  const original = Socket.prototype.connect;
  const refused: string[] = [];
  const guarded = function (this: Socket, ...args: unknown[]): Socket {
    const destination = destinationOf(args);
    if (destination && !LOOPBACK.test(destination.host)) {
      refused.push(`${destination.host}:${String(destination.port)}`);
      process.nextTick(() => this.destroy(new Error(`Refused by the test: ${destination.host} is off loopback.`)));
      return this;
    }
    return Reflect.apply(original, this, args) as Socket;
  };
  Socket.prototype.connect = guarded as typeof original;
  return {
    refused,
    release: () => {
      Socket.prototype.connect = original;
    },
  };
}
