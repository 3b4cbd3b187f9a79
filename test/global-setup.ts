import type { TestProject } from 'vitest/node';
import { freePort } from '../scripts/local/ports.js';
import { type EmbeddedAzurite, startEmbeddedAzurite } from '../src/storage/embedded-azurite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

let azurite: EmbeddedAzurite | undefined;

/** One real Azurite (in memory, free loopback port) for the whole run; each test file uses its own tables. */
export async function setup(project: TestProject): Promise<void> {
  azurite = await startEmbeddedAzurite({ port: await freePort() });
  project.provide('azuriteConnectionString', azurite.connectionString);
}

export async function teardown(): Promise<void> {
  await azurite?.stop();
}
