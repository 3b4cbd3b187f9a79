import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManagedProcess, ProcessGroup } from './managed-process.js';
import { portInUse } from './ports.js';
import { WaitAbortedError, waitForHttp } from './wait-for-http.js';

/** The repository root (this file is scripts/local/start-processes.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PLAYGROUND_CONFIG = join(REPO_ROOT, 'scripts', 'playground', 'm365agentsplayground.yml');
export const LOOPBACK_PRELOAD = join(REPO_ROOT, 'scripts', 'playground', 'listen-loopback.cjs');

/**
 * restify's dependencies call process.binding('http_parser') (DEP0111): harmless, but it is the first thing a newcomer
 * would read. Hidden where Node has --disable-warning (20.11+).
 */
const QUIET_DEPRECATIONS = process.allowedNodeEnvironmentFlags.has('--disable-warning')
  ? ['--disable-warning=DEP0111']
  : [];

/** Error for a child that failed to start; the message ends with its last output lines. */
export class StartError extends Error {}

function withLastLines(message: string, member: ManagedProcess): string {
  const lines = member.unseenLines(25);
  return lines.length > 0 ? `${message}\nLast lines from the ${member.name}:\n  ${lines.join('\n  ')}` : message;
}

/** Stops a child that did not become ready and throws its story; the group still holds it, so stopAll() stays safe. */
async function failStart(member: ManagedProcess, error: unknown): Promise<never> {
  const reason = error instanceof WaitAbortedError || error instanceof Error ? error.message : String(error);
  await member.stop();
  throw new StartError(withLastLines(`The ${member.name} did not start: ${reason}`, member));
}

export interface BotStartOptions {
  readonly port: number;
  /** The whole environment for the bot (PORT and BIND_HOST are set here). */
  readonly env: NodeJS.ProcessEnv;
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  readonly readyTimeoutMs?: number;
  readonly cwd?: string;
}

export interface RunningBot {
  readonly process: ManagedProcess;
  readonly url: string;
  /** What the Playground posts activities to. */
  readonly endpoint: string;
}

/**
 * The local launcher binds 127.0.0.1, so without a bot registration it says LOCAL_ANONYMOUS=true: anonymous mode is
 * then allowed with any store (the bot refuses it otherwise unless it uses its own embedded Azurite).
 */
function localOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.MicrosoftAppId?.trim() || env.LOCAL_ANONYMOUS?.trim()) return env;
  return { ...env, LOCAL_ANONYMOUS: 'true' };
}

/**
 * Starts `src/main.ts` (through tsx) on 127.0.0.1 and waits for `GET /readyz` = 200. Stop it with SIGINT: it then
 * finishes in-flight turns and stops its embedded Azurite so the data is saved.
 */
export async function startBot(group: ProcessGroup, options: BotStartOptions): Promise<RunningBot> {
  if (await portInUse(options.port)) {
    throw new StartError(
      `Port ${options.port} is already in use, so the bot cannot start: stop whatever uses it (an earlier npm start?) or set PORT to a free port.`,
    );
  }
  const cwd = options.cwd ?? REPO_ROOT;
  const member = group.spawn({
    name: 'bot',
    command: process.execPath,
    args: [...QUIET_DEPRECATIONS, '--import', 'tsx', 'src/main.ts'],
    cwd,
    env: { ...localOnly(options.env), PORT: String(options.port), BIND_HOST: '127.0.0.1' },
    stopSignal: 'SIGINT',
    stopGraceMs: 25_000, // the bot forces its own exit after 20 s
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${url}/readyz`, {
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      abortIf: () => (member.hasExited ? `it ${member.describeExit()}` : undefined),
    });
  } catch (error) {
    return failStart(member, error);
  }
  return { process: member, url, endpoint: `${url}/api/messages` };
}

export interface PlaygroundStartOptions {
  readonly port: number;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** Playground config YAML (users, chats, team); defaults to scripts/playground/m365agentsplayground.yml. */
  readonly configPath?: string;
  /** Where the Playground writes its log (it logs to a file, not stdout, when not on a terminal). */
  readonly logFile: string;
  /** Extra environment; the inherited one is used otherwise. */
  readonly env?: NodeJS.ProcessEnv;
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  readonly readyTimeoutMs?: number;
}

export interface RunningPlayground {
  readonly process: ManagedProcess;
  readonly port: number;
  readonly url: string;
}

/** The Playground's CLI entry inside node_modules. */
export function playgroundCli(): string {
  return createRequire(join(REPO_ROOT, 'package.json')).resolve('@microsoft/m365agentsplayground/cli.js');
}

/**
 * Starts the Microsoft 365 Agents Playground on 127.0.0.1 (forced by the listen-loopback preload), with no browser
 * opened and telemetry off, and waits for `GET /_debug/ping` = pong.
 */
export async function startPlayground(
  group: ProcessGroup,
  options: PlaygroundStartOptions,
): Promise<RunningPlayground> {
  if (await portInUse(options.port)) {
    // The Playground would silently move to a random port; refuse instead so the printed URL is right.
    throw new StartError(
      `Port ${options.port} is already in use, so the Agents Playground cannot start: stop whatever uses it or set PLAYGROUND_PORT to a free port.`,
    );
  }
  const logDir = dirname(options.logFile);
  mkdirSync(logDir, { recursive: true });
  const url = `http://127.0.0.1:${options.port}`;
  let listeningOn: number | undefined;
  const member = group.spawn({
    name: 'playground',
    command: process.execPath,
    args: [
      '-r',
      LOOPBACK_PRELOAD,
      playgroundCli(),
      '--app-endpoint',
      options.botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(options.port),
      '--service-url',
      `${url}/_connector`,
      '--disable-telemetry',
    ],
    cwd: logDir, // it writes nothing else, but keep any stray file out of the repository
    env: {
      ...(options.env ?? process.env),
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      LISTEN_HOST: '127.0.0.1',
    },
    stopSignal: 'SIGTERM',
    stopGraceMs: 3_000,
    logFile: options.logFile,
    onLine: (line, stream) => {
      const match = /^Listening on (\d+)/.exec(line);
      if (match?.[1]) listeningOn = Number(match[1]);
      options.onLine?.(line, stream);
    },
  });
  try {
    await waitForHttp(`${url}/_debug/ping`, {
      timeoutMs: options.readyTimeoutMs ?? 30_000,
      accept: (status, body) => status === 200 && body.trim() === 'pong',
      abortIf: () => {
        if (member.hasExited) return `it ${member.describeExit()}`;
        if (listeningOn !== undefined && listeningOn !== options.port)
          return `it moved to port ${listeningOn} because ${options.port} was taken`;
        return undefined;
      },
    });
  } catch (error) {
    return failStart(member, error);
  }
  return { process: member, port: options.port, url };
}
