import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../scripts/local/ports.js';
import { type EmbeddedAzurite, startEmbeddedAzurite } from '../src/storage/embedded-azurite.js';
import { reliabilityTable } from './reliability/reliability-report.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

let azurite: EmbeddedAzurite | undefined;

/** One real Azurite (in memory, free loopback port) for the whole run; each test file uses its own tables. */
const reliabilityLog = join(tmpdir(), `ppi-reliability-${process.pid}-${Date.now()}.jsonl`);

export async function setup(project: TestProject): Promise<void> {
  process.env.PPI_RELIABILITY_LOG = reliabilityLog;
  azurite = await startEmbeddedAzurite({ port: await freePort() });
  project.provide('azuriteConnectionString', azurite.connectionString);
}

export async function teardown(): Promise<void> {
  await azurite?.stop();
  const table = reliabilityTable(reliabilityLog);
  if (table) console.log(table);
  rmSync(reliabilityLog, { force: true });
}
