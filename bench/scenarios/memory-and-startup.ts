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

/** Memory after forced garbage collection: the V8 heap in use, and the process's resident set. */
async function settledMemory(): Promise<{ heap: number; rss: number }> {
  // The resident set lags what the heap gives back: the lowest of a few samples a quarter of a second apart.
  let rss = Number.POSITIVE_INFINITY;
  let heap = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    gc?.();
    gc?.();
    const usage = process.memoryUsage();
    rss = Math.min(rss, usage.rss);
    heap = Math.min(heap, usage.heapUsed);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { heap, rss };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const growthOf = (after: number, before: number) => (after - before) / before;
const percent = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`;

/**
 * Scenario 6a: memory after 20,000 turns vs after 1,000 (in this process, with GC forced). The resident set lags
 * what collection gives back (a single sample read at once went from −14% to +50% between runs), so each figure
 * is the lowest of five samples a quarter of a second apart; the V8 heap that survives collection is shown beside it.
 */
async function memory(ctx: BenchContext): Promise<Row[]> {
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
    const after1k = await settledMemory();
    await turns(total - first);
    const after20k = await settledMemory();
    const heapGrowth = growthOf(after20k.heap, after1k.heap);
    const rssGrowth = growthOf(after20k.rss, after1k.rss);
    const forced = gc ? '' : ' (no --expose-gc)';
    return [
      {
        scenario: `6. RSS after ${total} turns vs after ${first}, GC forced, lowest of five samples${forced}`,
        figure: mb(after20k.rss),
        baseline: mb(after1k.rss),
        ratio: percent(rssGrowth),
        target: '<= +10%',
        pass: rssGrowth <= 0.1,
      },
      {
        scenario: `6. V8 heap in use after ${total} turns vs after ${first}${forced}`,
        figure: mb(after20k.heap),
        baseline: mb(after1k.heap),
        ratio: percent(heapGrowth),
        target: 'report',
        pass: undefined,
      },
    ];
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
  const rows = await memory(ctx);
  ctx.log('start-up: spawning src/main.ts');
  rows.push(await startup());
  return rows;
}
