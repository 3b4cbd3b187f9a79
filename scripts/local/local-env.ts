/** Environment handling for `npm start` (scripts may read process.env; src/ reads it only in src/config.ts). */

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** A port from the environment, or `fallback`; throws a sentence naming the variable when it is not a port. */
export function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!isSet(raw)) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} is not valid: set it to a port number from 1 to 65535 (it is "${raw}").`);
  }
  return port;
}

/**
 * The bot's environment for a local run: everything already set wins, plus local defaults: the Playground's
 * browser user is a PPI admin (so one person can try every role) and logs are human-readable.
 */
export function localBotEnv(env: NodeJS.ProcessEnv, playgroundUserAadId: string): NodeJS.ProcessEnv {
  return {
    ...env,
    PPI_ADMIN_IDS: isSet(env.PPI_ADMIN_IDS) ? env.PPI_ADMIN_IDS : playgroundUserAadId,
    LOG_FORMAT: isSet(env.LOG_FORMAT) ? env.LOG_FORMAT : 'pretty',
  };
}

/** One line saying where the bot keeps its data. */
export function describeStorage(env: NodeJS.ProcessEnv): string {
  if (isSet(env.STORAGE_ACCOUNT_URL))
    return `${env.STORAGE_ACCOUNT_URL} (STORAGE_ACCOUNT_URL, signed in with Entra ID)`;
  if (isSet(env.STORAGE_CONNECTION_STRING)) return 'the Azure Storage account in STORAGE_CONNECTION_STRING';
  const dataDir = isSet(env.DATA_DIR) ? env.DATA_DIR : '.data';
  const port = isSet(env.AZURITE_PORT) ? env.AZURITE_PORT : '10002';
  return `embedded Azurite on 127.0.0.1:${port}, saved in ${dataDir}/azurite`;
}

/** Whether `aadObjectId` is on the comma-separated PPI_ADMIN_IDS list. */
export function isAdmin(env: NodeJS.ProcessEnv, aadObjectId: string): boolean {
  return (env.PPI_ADMIN_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .includes(aadObjectId);
}
