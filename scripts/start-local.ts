import { resolve } from 'node:path';
import { describeStorage, isAdmin, localBotEnv, portFromEnv } from './local/local-env.js';
import { type ManagedProcess, ProcessGroup } from './local/managed-process.js';
import { readCurrentUser } from './local/playground-config.js';
import { roleGuide } from './local/role-guide.js';
import { PLAYGROUND_CONFIG, REPO_ROOT, StartError, startBot, startPlayground } from './local/start-processes.js';
import { watchLaunchers } from './local/watch-launchers.js';

/**
 * `npm start`: the bot (with its embedded on-disk Azurite unless STORAGE_CONNECTION_STRING is set) and the
 * Microsoft 365 Agents Playground, both on 127.0.0.1. Ctrl+C stops everything, the bot first so its data is saved.
 */

const tty = process.stdout.isTTY === true;
const dim = (text: string) => (tty ? `\u001b[2m${text}\u001b[22m` : text);
const bold = (text: string) => (tty ? `\u001b[1m${text}\u001b[22m` : text);
const say = (line = '') => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`${line}\n`);

const group = new ProcessGroup();
let phase: 'starting' | 'running' | 'stopping' = 'starting';
let firstSignalAt = 0;
/** A function, not a comparison inline, because `phase` changes in signal handlers while main() awaits. */
const stopping = () => phase === 'stopping';

/** What a process last wrote (and the end of its own log file), for the message when it dies. */
function lastLines(member: ManagedProcess): string {
  const lines = member.recentLines(15);
  return lines.length > 0 ? `Last lines from the ${member.name}:\n  ${lines.join('\n  ')}` : '(it wrote nothing)';
}

async function stopEverything(exitCode: number): Promise<never> {
  await group.stopAll();
  say(dim('Stopped: the bot, its Azurite and the Playground are no longer running.'));
  process.exit(exitCode);
}

function onSignal(signal: NodeJS.Signals): void {
  requestStop(`${signal}:`);
}

function requestStop(reason: string): void {
  if (stopping()) {
    // A terminal can deliver one Ctrl+C twice (tsx relays it); only a later, deliberate second one forces.
    if (Date.now() - firstSignalAt < 1_500) return;
    complain('Forcing: killing everything now (data written in the last seconds may be lost).');
    group.killAll();
    process.exit(130);
  }
  phase = 'stopping';
  firstSignalAt = Date.now();
  say();
  say(`${reason} stopping the bot (saving local data), then the Playground… (Ctrl+C again to force)`);
  void stopEverything(0);
}

async function onUnexpectedExit(member: ManagedProcess): Promise<void> {
  if (stopping()) return;
  phase = 'stopping';
  complain(`\nThe ${member.name} stopped unexpectedly: it ${member.describeExit()}.\n${lastLines(member)}`);
  await stopEverything(1);
}

function prefixer(label: string) {
  return (line: string) => say(`${dim(label)} ${line}`);
}

async function main(): Promise<void> {
  // If the terminal goes away, writing to it fails: that must not stop the clean shutdown.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  watchLaunchers((why) => requestStop(`${why}:`));

  const env = process.env;
  const botPort = portFromEnv(env, 'PORT', 3978);
  const playgroundPort = portFromEnv(env, 'PLAYGROUND_PORT', 56150);
  const user = readCurrentUser(PLAYGROUND_CONFIG);
  const botEnv = localBotEnv(env, user.aadObjectId);
  const dataDir = resolve(REPO_ROOT, env.DATA_DIR?.trim() || '.data');

  say(bold('Starting PPI Partner locally…'));
  say(dim(`  bot on 127.0.0.1:${botPort} (the first start compiles TypeScript, a few seconds)`));
  const bot = await startBot(group, { port: botPort, env: botEnv, onLine: prefixer('bot        │') });
  if (stopping()) return;
  void group.unexpectedExit().then(onUnexpectedExit);

  say(dim(`  Agents Playground on 127.0.0.1:${playgroundPort}`));
  const playground = await startPlayground(group, {
    port: playgroundPort,
    botEndpoint: bot.endpoint,
    logFile: resolve(dataDir, 'playground', 'm365agentsplayground.log'),
    onLine: prefixer('playground │'),
  });
  if (stopping()) return;
  void group.unexpectedExit().then(onUnexpectedExit);
  phase = 'running';

  const guide = roleGuide({
    playgroundUrl: playground.url,
    botUrl: bot.url,
    user,
    userIsAdmin: isAdmin(botEnv, user.aadObjectId),
    storage: describeStorage(botEnv),
  });
  const rule = '─'.repeat(100);
  say();
  say(rule);
  for (const line of guide) say(line.startsWith('  Open ') ? bold(line) : line);
  say(rule);
  say(dim(`Playground log: ${resolve(dataDir, 'playground', 'm365agentsplayground.log')}`));
}

main().catch(async (error: unknown) => {
  if (stopping()) return; // a signal arrived during start-up: its handler is cleaning up
  phase = 'stopping';
  complain(error instanceof StartError || error instanceof Error ? error.message : String(error));
  await stopEverything(1);
});
