import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, portInUse } from '../scripts/local/ports.js';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');

/** Runs the real entry point with only `env` (and PATH), and returns how it ended. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stderr }),
    );
  });
}

describe('a misconfigured start (the real process)', () => {
  it.each([
    [
      'a MultiTenant registration without a tenant allow-list',
      {
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'MultiTenant',
        STORAGE_ACCOUNT_URL: 'https://ppipartner.table.core.windows.net',
      },
      /^ALLOWED_TENANT_IDS is missing: set it to your Entra tenant id/,
    ],
    [
      'anonymous mode on every interface (App Service sets no NODE_ENV)',
      { BIND_HOST: '0.0.0.0' },
      /^MicrosoftAppId is missing: set MicrosoftAppId, MicrosoftAppType=SingleTenant/,
    ],
  ])(
    'exits non-zero with one sentence for %s, without listening',
    async (_case, env, sentence) => {
      const port = await freePort();
      const { code, stderr } = await runMain({ ...env, PORT: String(port) });
      expect(code).toBe(78);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(sentence);
      expect(await portInUse(port)).toBe(false);
    },
    40_000,
  );
});
