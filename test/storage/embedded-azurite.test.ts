import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local/ports.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { startEmbeddedAzurite } from '../../src/storage/embedded-azurite.js';
import { openTable } from '../../src/storage/open-table.js';
import { probeStore } from '../../src/storage/probe-store.js';

describe('embedded Azurite', () => {
  it('keeps data on disk across a clean stop (SIGINT) and a restart', { timeout: 60_000 }, async () => {
    const location = mkdtempSync(join(tmpdir(), 'ppi-azurite-'));
    const port = await freePort();
    const first = await startEmbeddedAzurite({ port, location });
    const docs = new DocumentTable(await openTable(first.connectionString, 'Persist'), (raw) => raw as { n: number });
    await docs.create('p', 'r', { n: 42 });
    await first.stop();
    expect(await probeStore(first.connectionString)).toMatch(/STORAGE_CONNECTION_STRING/);
    const second = await startEmbeddedAzurite({ port, location });
    const again = new DocumentTable(await openTable(second.connectionString, 'Persist'), (raw) => raw as { n: number });
    expect((await again.get('p', 'r'))?.value.n).toBe(42);
    await second.stop();
  });

  it('refuses a busy port with a sentence naming AZURITE_PORT', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => busy.once('listening', r));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await expect(startEmbeddedAzurite({ port })).rejects.toThrow(/set AZURITE_PORT to a free port/);
    busy.close();
  });
});
