import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { freePort } from '../scripts/local/ports.js';
import { startEmbeddedAzurite } from '../src/storage/embedded-azurite.js';
import { FakeConnector } from '../test/helpers/fake-connector.js';
import type { BenchContext } from './lib/context.js';
import { type Row, renderTable } from './lib/table.js';
import { digestCost } from './scenarios/digest-cost.js';
import { findingDueWork } from './scenarios/finding-due-work.js';
import { memoryAndStartup } from './scenarios/memory-and-startup.js';
import { nudgeFanout } from './scenarios/nudge-fanout.js';
import { requestsYear } from './scenarios/requests-year.js';
import { turnScenarios } from './scenarios/turns.js';

type Scenario = (ctx: BenchContext) => Promise<Row[]>;

/** Scenario list: each returns its rows; a failing scenario is reported, the others still run. */
// Memory first: its RSS figures are this process's, so they must not carry what earlier scenarios loaded.
const SCENARIOS: [string, Scenario][] = [
  ['memory', memoryAndStartup],
  ['turns', turnScenarios],
  ['fanout', nudgeFanout],
  ['due', findingDueWork],
  ['digest', digestCost],
  ['requests', requestsYear],
];

/** The 1, 5 and 15 minute load averages: how busy the machine was with other work too. */
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = load();
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const only = process.env.BENCH_ONLY?.split(',');
  const azurite = await startEmbeddedAzurite({ port: await freePort() });
  const connector = await FakeConnector.start();
  connector.recordBodies = false;
  const ctx: BenchContext = {
    connectionString: azurite.connectionString,
    azurite: { port: azurite.port, pid: azurite.pid },
    connector,
    scale,
    log: (line) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`),
  };
  const rows: Row[] = [];
  try {
    for (const [name, scenario] of SCENARIOS) {
      if (only && !only.includes(name)) continue;
      try {
        rows.push(...(await scenario(ctx)));
      } catch (error) {
        ctx.log(`scenario ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        rows.push({
          scenario: name,
          figure: `error: ${String(error).slice(0, 120)}`,
          baseline: '',
          ratio: '',
          target: '',
          pass: false,
        });
      }
      connector.calls.splice(0);
    }
  } finally {
    await connector.stop();
    await azurite.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const table = renderTable(rows);
  const header = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, scale ${scale}, ${seconds.toFixed(0)} s in total.`,
    `Load average (1, 5, 15 min) at the start ${loadAtStart}, at the end ${load()}: other work on the machine shares its CPUs.`,
    'Every figure is compared with a baseline measured in the same run on the same machine; ratios matter, not absolute times.',
    '',
  ].join('\n');
  console.log(`\n${table}\n`);
  writeFileSync(new URL('./results.md', import.meta.url), `${header}${table}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
