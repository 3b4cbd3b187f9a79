/**
 * CI step: proves that a production install is lean and starts in production mode. Copies the repository (the files
 * git would commit) to a temporary folder, runs `npm ci && npm run build && npm prune --omit=dev` there, checks that
 * no development tool is left (Azurite, the Agents Playground, Vitest, Playwright, tsx), then starts the pruned bot
 * (`node dist/src/main.js`, NODE_ENV=production, a fake bot registration and tenant allow-list) against a throwaway
 * in-memory Azurite started from this (unpruned) tree, and checks `/readyz` is ready and that `POST /api/messages`
 * without a token is refused with 401. Everything listens on 127.0.0.1; nothing is sent anywhere else.
 *
 *   npx tsx scripts/ci/production-install.ts        (called by .ci/run)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { azuriteConnectionString } from '../../src/storage/embedded-azurite.js';
import { ProcessGroup } from '../local/managed-process.js';
import { freePort } from '../local/ports.js';
import { REPO_ROOT } from '../local/start-processes.js';
import { waitForHttp } from '../local/wait-for-http.js';

const DEV_ONLY = ['azurite', '@microsoft/m365agentsplayground', 'vitest', 'playwright-core', 'tsx', '@biomejs/biome'];
const APP_ID = '00000000-0000-4000-8000-000000000b07';
const TENANT = '00000000-0000-4000-8000-0000000000aa';

const say = (line: string) => process.stdout.write(`${line}\n`);

function run(command: string, args: string[], cwd: string): void {
  const started = Date.now();
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: 'true' } });
  say(`  ${command} ${args.join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The files git would commit (tracked, plus new files not ignored), so a dirty work tree is tested as it is. */
function copyRepository(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(REPO_ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(to, file));
  }
  say(`  copied ${files.length} files to ${to}`);
}

function megabytes(path: string): number {
  return Number(execFileSync('du', ['-sm', path], { encoding: 'utf8' }).split('\t')[0]);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ppi-production-install-'));
  const group = new ProcessGroup();
  try {
    copyRepository(work);
    run('npm', ['ci', '--no-audit', '--no-fund'], work);
    run('npm', ['run', 'build'], work);
    run('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], work);
    const left = DEV_ONLY.filter((name) => existsSync(join(work, 'node_modules', name)));
    if (left.length > 0) throw new Error(`The pruned install still holds development packages: ${left.join(', ')}.`);
    const size = megabytes(join(work, 'node_modules'));
    say(`  pruned node_modules: ${size} MB, none of ${DEV_ONLY.join(', ')}`);

    const azuritePort = await freePort();
    const azurite = group.spawn({
      name: 'Azurite',
      command: process.execPath,
      args: [
        join(REPO_ROOT, 'node_modules', 'azurite', 'dist', 'src', 'table', 'main.js'),
        ...['--tableHost', '127.0.0.1', '--tablePort', String(azuritePort)],
        ...['--inMemoryPersistence', '--disableTelemetry', '--silent', '--skipApiVersionCheck'],
      ],
      cwd: work,
      env: { PATH: process.env.PATH ?? '' },
      stopSignal: 'SIGINT',
      stopGraceMs: 5_000,
    });
    const botPort = await freePort();
    const lines: string[] = [];
    const startedAt = Date.now();
    const bot = group.spawn({
      name: 'pruned bot',
      command: process.execPath,
      args: ['dist/src/main.js'],
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        BIND_HOST: '127.0.0.1',
        PORT: String(botPort),
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-a-real-secret-production-install-check',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT,
        ALLOWED_TENANT_IDS: TENANT,
        STORAGE_CONNECTION_STRING: azuriteConnectionString(azuritePort),
        LOG_LEVEL: 'info',
      },
      stopSignal: 'SIGTERM',
      stopGraceMs: 25_000,
      onLine: (line) => lines.push(line),
    });
    const url = `http://127.0.0.1:${botPort}`;
    try {
      await waitForHttp(`${url}/readyz`, {
        timeoutMs: 60_000,
        abortIf: () =>
          bot.hasExited
            ? `the bot ${bot.describeExit()}`
            : azurite.hasExited
              ? `Azurite ${azurite.describeExit()}`
              : undefined,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n  ${lines.slice(-20).join('\n  ')}`);
    }
    const ready = ((Date.now() - startedAt) / 1000).toFixed(1);
    const listening = lines.find((line) => line.includes('bot listening'));
    if (!listening?.includes('"production":true')) {
      throw new Error(`The pruned bot did not say it runs in production mode:\n  ${lines.join('\n  ')}`);
    }
    const unauthenticated = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'production-install-1',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        from: { id: '29:1', aadObjectId: 'aad-1' },
        recipient: { id: `28:${APP_ID}` },
        conversation: { id: 'a:1', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
      }),
    });
    if (unauthenticated.status !== 401) {
      throw new Error(`POST /api/messages without a token answered ${unauthenticated.status}, not 401.`);
    }
    say(`  pruned bot (node dist/src/main.js, production mode): /readyz ready after ${ready} s; no token → 401`);
  } finally {
    await group.stopAll();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`production install check failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
