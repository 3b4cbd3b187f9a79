import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { type EmbeddedAzurite, startEmbeddedAzurite } from '../src/storage/embedded-azurite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
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
