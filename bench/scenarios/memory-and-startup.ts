import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/local/ports.js';
import { startEmbeddedAzurite } from '../../src/storage/embedded-azurite.js';
import { type BenchContext, inParallel, scaled } from '../lib/context.js';
import { Driver } from '../lib/driver.js';
import { startRealBot } from '../lib/servers.js';
import { ms } from '../lib/stats.js';
import type { Row } from '../lib/table.js';

const gc = (globalThis as { gc?: () => void }).gc;

function settledRss(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().rss;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Scenario 6a: resident memory after 20,000 turns vs after 1,000 (in this process, with GC forced). */
async function memory(ctx: BenchContext): Promise<Row> {
  const bot = await startRealBot(ctx.connectionString);
  const driver = new Driver(bot.url, ctx.connector);
  const total = scaled(ctx, 20_000);
  const first = Math.min(1_000, total);
  let user = 1_000_000;
  const turns = async (n: number) => {
    const workers = 16;
    await inParallel(workers, Math.ceil(n / workers), async () => {
      await driver.message(user++ % 1_000_100, 'help');
      ctx.connector.calls.splice(0);
    });
  };
  try {
    ctx.log(`memory: ${total} help turns`);
    await turns(first);
    const after1k = settledRss();
    await turns(total - first);
    const after20k = settledRss();
    const growth = (after20k - after1k) / after1k;
    return {
      scenario: `6. RSS after ${total} turns vs after ${first}${gc ? '' : ' (no --expose-gc)'}`,
      figure: mb(after20k),
      baseline: mb(after1k),
      ratio: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%`,
      target: '<= +10%',
      pass: growth <= 0.1,
    };
  } finally {
    await bot.stop();
  }
}

/** Scenario 6b: `src/main.ts` from spawn to /readyz 200 with embedded Azurite on disk, and Azurite's own share. */
async function startup(): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'ppi-bench-'));
  const port = await freePort();
  const azuritePort = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      AZURITE_PORT: String(azuritePort),
      DATA_DIR: dir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      SCHEDULER_ENABLED: 'false',
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    let ready = Number.NaN;
    while (performance.now() - started < 60_000) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) {
        ready = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    // Azurite alone, started the same way on its own port and directory.
    const alone = performance.now();
    const azurite = await startEmbeddedAzurite({ port: await freePort(), location: join(dir, 'azurite-alone') });
    const azuriteMs = performance.now() - alone;
    await azurite.stop();
    return {
      scenario: '6. start-up to /readyz 200 (embedded Azurite on disk)',
      figure: ms(ready),
      baseline: `Azurite alone ${ms(azuriteMs)}`,
      ratio: `Azurite ${((azuriteMs / ready) * 100).toFixed(0)}% of it`,
      target: 'report',
      pass: undefined,
    };
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGINT');
    await new Promise((r) => setTimeout(r, 1_500));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function memoryAndStartup(ctx: BenchContext): Promise<Row[]> {
  const rows = [await memory(ctx)];
  ctx.log('start-up: spawning src/main.ts');
  rows.push(await startup());
  return rows;
}
