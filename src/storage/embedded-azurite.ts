import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY};TableEndpoint=http://${host}:${port}/devstoreaccount1;`;
}

export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly port: number;
  /** Azurite's process id (for measuring its share of the CPU). */
  readonly pid: number | undefined;
  /** Stops with SIGINT so Azurite flushes its on-disk database; resolves when the process has exited. */
  stop(): Promise<void>;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited with code ${child.exitCode} before it was ready.`);
    if (await portAnswers(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Azurite did not start listening on 127.0.0.1:${port} within ${timeoutMs / 1000} s.`);
}

/** Azurite's Table service entry; Azurite is a development dependency, absent from a production install. */
function azuriteEntry(): string {
  try {
    return createRequire(import.meta.url).resolve('azurite/dist/src/table/main.js');
  } catch {
    throw new Error(
      'The embedded Azurite is not installed (a production install leaves out development dependencies): set STORAGE_ACCOUNT_URL or STORAGE_CONNECTION_STRING.',
    );
  }
}

/**
 * Starts Azurite's Table service as a child process on loopback with telemetry off: on disk under `location`,
 * or in memory when `location` is undefined (tests).
 */
export async function startEmbeddedAzurite(options: { port: number; location?: string }): Promise<EmbeddedAzurite> {
  if (await portAnswers(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded Azurite cannot start: stop whatever uses it or set AZURITE_PORT to a free port.`,
    );
  }
  const entry = azuriteEntry();
  const storageArgs = options.location ? ['--location', options.location] : ['--inMemoryPersistence'];
  if (options.location) mkdirSync(options.location, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      entry,
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(options.port),
      ...storageArgs,
      '--disableTelemetry',
      '--silent',
      '--skipApiVersionCheck',
    ],
    // detached: its own process group, so a terminal's Ctrl+C reaches only the bot, which then stops it once (SIGINT).
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(options.port, child, 20_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message} ${stderr}`.trim());
  }
  return {
    connectionString: azuriteConnectionString(options.port),
    port: options.port,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
