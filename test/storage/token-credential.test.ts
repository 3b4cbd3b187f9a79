import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AzureNamedKeyCredential, generateAccountSas } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentTable } from '../../src/storage/document-table.js';
import { AZURITE_ACCOUNT_KEY } from '../../src/storage/embedded-azurite.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { openTable } from '../../src/storage/open-table.js';
import { probeStore } from '../../src/storage/probe-store.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';

const TLS = join(import.meta.dirname, '..', 'fixtures', 'loopback-tls');
const GOOD_TOKEN = `fake-token-${uniquePrefix()}`;

/**
 * An https recorder in front of the test Azurite (Azurite takes OAuth only over https, with its own checks): it
 * records every Authorization header, answers 403 unless it is `Bearer GOOD_TOKEN`, and forwards the rest to Azurite
 * signed with an account SAS made from Azurite's well-known development key.
 */
function startRecorder(azurite: URL) {
  const seen: string[] = [];
  const sas = generateAccountSas(new AzureNamedKeyCredential('devstoreaccount1', AZURITE_ACCOUNT_KEY), {
    permissions: { query: true, write: true, delete: true, list: true, add: true, update: true },
    resourceTypes: 'sco',
    expiresOn: new Date(Date.now() + 3_600_000),
  });
  const server = createHttpsServer(
    { cert: readFileSync(join(TLS, 'cert.pem')), key: readFileSync(join(TLS, 'key.pem')) },
    (req, res) => {
      const authorization = req.headers.authorization ?? '(none)';
      seen.push(authorization);
      if (authorization !== `Bearer ${GOOD_TOKEN}`) {
        req.resume();
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ 'odata.error': { code: 'AuthorizationFailure', message: { value: 'no' } } }));
        return;
      }
      const target = new URL(req.url ?? '/', azurite.origin);
      target.search = target.search ? `${target.search}&${sas}` : `?${sas}`;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['authorization', 'host', 'connection'].includes(name)) headers[name] = value;
      }
      const body: Buffer[] = [];
      req.on('data', (chunk: Buffer) => body.push(chunk));
      req.on('end', async () => {
        const forwarded = await fetch(target, {
          method: req.method ?? 'GET',
          headers,
          ...(body.length > 0 ? { body: Buffer.concat(body) } : {}),
        });
        res.writeHead(forwarded.status, Object.fromEntries(forwarded.headers));
        res.end(Buffer.from(await forwarded.arrayBuffer()));
      });
    },
  );
  return new Promise<{ url: string; seen: string[]; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/devstoreaccount1`,
        seen,
        close: () => server.close(),
      }),
    ),
  );
}

describe('storage with an Entra ID token (STORAGE_ACCOUNT_URL)', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  beforeAll(async () => {
    const endpoint = /TableEndpoint=([^;]+)/.exec(azuriteConnectionString())?.[1] ?? '';
    recorder = await startRecorder(new URL(endpoint));
  });
  afterAll(() => recorder.close());

  it('sends the credential’s token as a bearer header on every request, and the data lands in the store', async () => {
    const table = `${uniquePrefix()}Token`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'token-client.ts')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_EXTRA_CA_CERTS: join(TLS, 'cert.pem'),
          ACCOUNT_URL: recorder.url,
          GOOD_TOKEN,
          TABLE_NAME: table,
        },
        timeout: 60_000,
      },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(result.probe).toBeNull();
    expect(result.read).toBe(19);
    expect(result.scopes).toEqual(['https://storage.azure.com/.default']);
    expect(result.refusedProbe).toMatch(
      /^Azure Table Storage refused the bot's identity \(HTTP 403\): give the identity in AZURE_CLIENT_ID the Storage Table Data Contributor role/,
    );
    const granted = recorder.seen.filter((h) => h === `Bearer ${GOOD_TOKEN}`);
    expect(granted.length).toBeGreaterThanOrEqual(4); // probe, create table, create entity, read entity
    expect(recorder.seen.filter((h) => h !== `Bearer ${GOOD_TOKEN}`)).toEqual(
      Array(recorder.seen.length - granted.length).fill('Bearer a-token-storage-refuses'),
    );
    // Read back straight from Azurite with its key: the write went through the recorder to the real store.
    const direct = new DocumentTable(await openTable(azuriteConnectionString(), table), (raw) => raw as { n: number });
    expect((await direct.get('p', 'r'))?.value.n).toBe(19);
  }, 90_000);

  it('fails the start-up probe with one sentence when the credential cannot get a token, before any request', async () => {
    const connections: number[] = [];
    const listener = createTcpServer((socket) => {
      connections.push(1);
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    const noIdentity: TokenCredential = {
      async getToken() {
        throw new Error('ManagedIdentityCredential: no managed identity endpoint found.\nMore details here.');
      },
    };
    const storage = await openStorage(
      {
        kind: 'account-url',
        accountUrl: `https://127.0.0.1:${port}/devstoreaccount1`,
        identity: { kind: 'developer' },
      },
      { credential: noIdentity },
    );
    const reason = await probeStore(storage.access);
    listener.close();
    expect(reason).toBe(
      'The bot could not get a token for Azure Table Storage (ManagedIdentityCredential: no managed identity endpoint found.): check AZURE_CLIENT_ID names a managed identity assigned to this app, or sign in with the Azure CLI when running locally.',
    );
    expect(connections).toEqual([]);
  });
});
