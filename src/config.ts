import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * The only reader of process.env. `loadConfig(env)` validates every setting once at start-up and throws a
 * `ConfigError` whose message is one sentence naming the variable and what to set it to.
 */

export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const idList = optionalText.transform((v) =>
  v === undefined
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
);

const intInRange = (min: number, max: number, fallback: number) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

const boolFlag = (fallback: boolean) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'true or false' });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: optionalText,
  PORT: intInRange(1, 65535, 3978),
  BIND_HOST: optionalText,
  MicrosoftAppId: optionalText.refine(
    (v) => v === undefined || GUID.test(v),
    'the Azure Bot’s Microsoft App ID (a GUID)',
  ),
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText.refine(
    (v) => v === undefined || ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(v),
    'MultiTenant, SingleTenant or UserAssignedMSI',
  ),
  MicrosoftAppTenantId: optionalText.refine((v) => v === undefined || GUID.test(v), 'your Entra tenant id (a GUID)'),
  LOCAL_ANONYMOUS: boolFlag(false),
  STORAGE_ACCOUNT_URL: optionalText.refine(
    (v) => v === undefined || /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(v),
    'the https address of your Storage account’s Table service, such as https://<account>.table.core.windows.net',
  ),
  AZURE_CLIENT_ID: optionalText.refine(
    (v) => v === undefined || GUID.test(v),
    'the client id (a GUID) of the user-assigned managed identity that may use the Storage account',
  ),
  STORAGE_CONNECTION_STRING: optionalText.refine(
    (v) => v === undefined || /TableEndpoint=|AccountName=|UseDevelopmentStorage=true/i.test(v),
    'an Azure Storage connection string (DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…) or leave it empty for the embedded Azurite',
  ),
  TABLE_PREFIX: optionalText.refine(
    (v) => v === undefined || /^[A-Za-z][A-Za-z0-9]{0,19}$/.test(v),
    'letters and digits only, starting with a letter, at most 20 characters',
  ),
  DATA_DIR: optionalText,
  AZURITE_PORT: intInRange(1, 65535, 10002),
  LOG_LEVEL: optionalText.refine(
    (v) => v === undefined || ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v),
    'one of fatal, error, warn, info, debug, trace, silent',
  ),
  LOG_FORMAT: optionalText.refine((v) => v === undefined || ['json', 'pretty'].includes(v), 'json or pretty'),
  PPI_ADMIN_IDS: idList.refine((ids) => ids.every((id) => GUID.test(id) || /^[\w:.-]{1,128}$/.test(id)), {
    message: 'a comma-separated list of Entra object ids',
  }),
  ALLOWED_TENANT_IDS: idList,
  JOBS_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 24,
    'a random secret of at least 24 characters',
  ),
  SCHEDULER_ENABLED: boolFlag(true),
  SCHEDULER_TICK_SECONDS: intInRange(5, 3600, 60),
  NUDGE_CADENCE_DAYS: intInRange(7, 365, 42),
  WORKING_HOURS: optionalText.refine((v) => {
    if (v === undefined) return true;
    const [start, end] = v.split('-');
    return start !== undefined && end !== undefined && HHMM.test(start) && HHMM.test(end) && start < end;
  }, 'a range like 09:30-16:00 (24-hour clock, start before end)'),
  FOLLOW_UP_AFTER_WORKING_DAYS: intInRange(1, 20, 5),
  MAX_FOLLOW_UPS: intInRange(0, 2, 1),
  TENANT_SENDS_PER_SECOND: intInRange(1, 1000, 25),
  SENDS_IN_FLIGHT_PER_TENANT: intInRange(1, 64, 4),
  DRAFT_RETENTION_DAYS: intInRange(1, 3650, 90),
  MAX_REQUEST_BYTES: intInRange(1024, 10 * 1024 * 1024, 256 * 1024),
  BOT_CLOCK: optionalText.refine(
    (v) => v === undefined || !Number.isNaN(Date.parse(v)),
    'an ISO date and time such as 2027-01-04T10:00:00Z (local testing only)',
  ),
  PUBLIC_BASE_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(v),
    'the bot’s public address, e.g. https://ppi-partner.azurewebsites.net (scheme and host, no path)',
  ),
  REPORT_QUARTERS: optionalText.refine(
    (v) => v === undefined || ['financial', 'calendar'].includes(v),
    'financial (Q1 = April to June, the default) or calendar (Q1 = January to March)',
  ),
  CARD_ACTIONS: optionalText.refine(
    (v) => v === undefined || ['execute', 'submit'].includes(v),
    'submit (Action.Submit buttons, which work in Teams on phones too; the default) or execute (Action.Execute buttons: Teams desktop and web only)',
  ),
  EXPORT_SIGNING_KEY: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'a random secret of at least 32 characters (shared by every instance)',
  ),
});

export type BotCredentials =
  | { kind: 'anonymous' }
  | { kind: 'MultiTenant'; appId: string; password: string }
  | { kind: 'SingleTenant'; appId: string; password: string; tenantId: string }
  | { kind: 'UserAssignedMSI'; appId: string; tenantId: string };

/** Who the bot is to Azure Table Storage when it signs in with Entra ID (STORAGE_ACCOUNT_URL). */
export type StorageIdentity =
  /** A user-assigned managed identity (App Service): AZURE_CLIENT_ID, or the bot's own UserAssignedMSI. */
  | { kind: 'managed-identity'; clientId: string }
  /** DefaultAzureCredential: the developer's Azure CLI / azd / VS Code sign-in locally, a system identity in Azure. */
  | { kind: 'developer' };

export type StorageSetting =
  | { kind: 'account-url'; accountUrl: string; identity: StorageIdentity }
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'embedded-azurite'; port: number; location: string };

export interface Config {
  /** Not plainly local: NODE_ENV=production, or bound to an interface other than loopback. */
  readonly production: boolean;
  readonly port: number;
  readonly bindHost: string;
  readonly credentials: BotCredentials;
  readonly storage: StorageSetting;
  readonly tablePrefix: string;
  readonly dataDir: string;
  readonly log: { readonly level: string; readonly format: 'json' | 'pretty' };
  readonly ppiAdminIds: readonly string[];
  /** Never empty when credentials are set (ALLOWED_TENANT_IDS, or the single tenant of the registration). */
  readonly allowedTenantIds: readonly string[];
  readonly jobsSecret: string | undefined;
  readonly scheduler: { readonly enabled: boolean; readonly tickSeconds: number };
  readonly nudges: {
    readonly cadenceDays: number;
    readonly workingHours: { readonly start: string; readonly end: string };
    readonly followUpAfterWorkingDays: number;
    readonly maxFollowUps: number;
  };
  readonly tenantSendsPerSecond: number;
  /** Proactive sends in flight at once per tenant: at most this many can go twice after a crash (kill -9). */
  readonly sendsInFlightPerTenant: number;
  readonly draftRetentionDays: number;
  readonly maxRequestBytes: number;
  /** Where people's browsers reach the bot, for download links (CSV exports). */
  readonly publicBaseUrl: string | undefined;
  /** How reports number quarters: NHS financial year (Q1 = April to June) unless set to calendar. */
  readonly reportQuarters: 'financial' | 'calendar';
  /** Signs download links; a random per-process key when unset (set it when several instances run). */
  readonly exportSigningKey: string | undefined;
  /**
   * How card buttons are sent: `submit` (Action.Submit, the default: Teams on iOS and Android sends nothing for
   * Action.Execute, an open bug) or `execute` (Action.Execute). Both kinds are handled whatever this says.
   */
  readonly cardActions: 'execute' | 'submit';
  /** Local testing only: the bot's clock starts at this instant (then runs on), e.g. to see a nudge fall due. */
  readonly clockStart: Date | undefined;
}

type Env = z.infer<typeof envSchema>;

function fail(variable: string, what: string): never {
  throw new ConfigError(`${variable} is not valid: set it to ${what}.`);
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** 127.0.0.0/8 and ::1 (also written IPv4-mapped or in brackets): only this machine can connect. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const address = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1] ?? bare;
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function credentialsFrom(env: Env): BotCredentials {
  const appId = env.MicrosoftAppId;
  if (appId === undefined) {
    if (env.MicrosoftAppPassword !== undefined) fail('MicrosoftAppId', 'the Azure Bot’s Microsoft App ID (a GUID)');
    return { kind: 'anonymous' };
  }
  const type = env.MicrosoftAppType ?? 'MultiTenant';
  if (type === 'UserAssignedMSI') {
    const tenantId = env.MicrosoftAppTenantId ?? fail('MicrosoftAppTenantId', 'your Entra tenant id (a GUID)');
    return { kind: 'UserAssignedMSI', appId, tenantId };
  }
  const password =
    env.MicrosoftAppPassword ?? fail('MicrosoftAppPassword', 'the client secret of the Azure Bot’s app registration');
  if (type === 'SingleTenant') {
    const tenantId = env.MicrosoftAppTenantId ?? fail('MicrosoftAppTenantId', 'your Entra tenant id (a GUID)');
    return { kind: 'SingleTenant', appId, password, tenantId };
  }
  return { kind: 'MultiTenant', appId, password };
}

function storageFrom(env: Env, credentials: BotCredentials, dataDir: string): StorageSetting {
  if (env.STORAGE_ACCOUNT_URL !== undefined && env.STORAGE_CONNECTION_STRING !== undefined) {
    throw new ConfigError(
      'STORAGE_ACCOUNT_URL and STORAGE_CONNECTION_STRING are both set: unset one of them (STORAGE_ACCOUNT_URL signs in with a managed identity and needs no secret).',
    );
  }
  if (env.STORAGE_ACCOUNT_URL !== undefined) {
    const clientId = env.AZURE_CLIENT_ID ?? (credentials.kind === 'UserAssignedMSI' ? credentials.appId : undefined);
    return {
      kind: 'account-url',
      accountUrl: env.STORAGE_ACCOUNT_URL.replace(/\/$/, ''),
      identity: clientId ? { kind: 'managed-identity', clientId } : { kind: 'developer' },
    };
  }
  if (env.STORAGE_CONNECTION_STRING !== undefined) {
    return { kind: 'connection-string', connectionString: env.STORAGE_CONNECTION_STRING };
  }
  return { kind: 'embedded-azurite', port: env.AZURITE_PORT, location: `${dataDir}/azurite` };
}

/** The tenants whose activities are served: ALLOWED_TENANT_IDS, else the single tenant the registration names. */
function tenantAllowListFrom(env: Env, credentials: BotCredentials): string[] {
  if (env.ALLOWED_TENANT_IDS.length > 0 || credentials.kind === 'anonymous') return env.ALLOWED_TENANT_IDS;
  if (credentials.kind === 'MultiTenant') {
    throw new ConfigError(
      'ALLOWED_TENANT_IDS is missing: set it to your Entra tenant id (several separated by commas), because a MultiTenant bot registration would otherwise serve people from every tenant.',
    );
  }
  return [credentials.tenantId];
}

const SET_CREDENTIALS =
  'set MicrosoftAppId, MicrosoftAppType=SingleTenant, MicrosoftAppTenantId and MicrosoftAppPassword to your Azure Bot registration';

/**
 * Anonymous mode (no Bot Framework token checked) only when the run is plainly local: bound to loopback and using the
 * embedded Azurite, or with LOCAL_ANONYMOUS=true (itself honoured on a loopback bind only). NODE_ENV cannot make it
 * safe (App Service does not set it); NODE_ENV=production only refuses more.
 */
function refuseUnsafeAnonymous(env: Env, credentials: BotCredentials, storage: StorageSetting, bindHost: string) {
  const loopback = isLoopback(bindHost);
  if (credentials.kind !== 'anonymous') {
    if (env.LOCAL_ANONYMOUS) {
      throw new ConfigError(
        'LOCAL_ANONYMOUS is set together with MicrosoftAppId: unset LOCAL_ANONYMOUS, because it is for local runs without a bot registration.',
      );
    }
    return;
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      `MicrosoftAppId is missing: ${SET_CREDENTIALS}, because anonymous mode is refused when NODE_ENV=production.`,
    );
  }
  if (!loopback) {
    throw new ConfigError(
      `MicrosoftAppId is missing: ${SET_CREDENTIALS}, because without it anyone who reaches BIND_HOST=${bindHost} could act as anyone (or bind to 127.0.0.1 for a local run).`,
    );
  }
  if (storage.kind !== 'embedded-azurite' && !env.LOCAL_ANONYMOUS) {
    throw new ConfigError(
      `MicrosoftAppId is missing: ${SET_CREDENTIALS}, or set LOCAL_ANONYMOUS=true if this is a local test run against ${storage.kind === 'account-url' ? 'STORAGE_ACCOUNT_URL' : 'STORAGE_CONNECTION_STRING'} on 127.0.0.1.`,
    );
  }
}

/**
 * App Service passes a Key Vault reference through as its literal text when it cannot resolve it (the identity lacks
 * access, the secret is missing): such a value would otherwise be taken as the secret itself.
 */
function refuseUnresolvedKeyVaultReferences(source: NodeJS.ProcessEnv): void {
  for (const [variable, value] of Object.entries(source)) {
    if (value !== undefined && /^\s*@Microsoft\.KeyVault\(/i.test(value)) {
      throw new ConfigError(
        `${variable} is an unresolved Key Vault reference: give the app's managed identity the Key Vault Secrets User role on the vault and check the secret exists, then restart.`,
      );
    }
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  refuseUnresolvedKeyVaultReferences(source);
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    fail(variable, issue?.message ?? 'a valid value');
  }
  const env = parsed.data;
  const credentials = credentialsFrom(env);
  const dataDir = env.DATA_DIR ?? '.data';
  const storage = storageFrom(env, credentials, dataDir);
  const bindHost = env.BIND_HOST ?? (credentials.kind === 'anonymous' ? '127.0.0.1' : '0.0.0.0');
  const production = env.NODE_ENV === 'production' || !isLoopback(bindHost);
  refuseUnsafeAnonymous(env, credentials, storage, bindHost);
  const allowedTenantIds = tenantAllowListFrom(env, credentials);
  if (production && storage.kind === 'embedded-azurite') {
    throw new ConfigError(
      'STORAGE_ACCOUNT_URL is missing: set it to your Storage account’s table endpoint (https://<account>.table.core.windows.net), because the embedded Azurite is only for local runs on 127.0.0.1 without NODE_ENV=production.',
    );
  }
  if (production && env.BOT_CLOCK !== undefined) {
    throw new ConfigError(
      'BOT_CLOCK is set: unset it, because it is for local testing only (on 127.0.0.1, without NODE_ENV=production).',
    );
  }
  const [start = '09:30', end = '16:00'] = (env.WORKING_HOURS ?? '09:30-16:00').split('-');
  return Object.freeze({
    production,
    port: env.PORT,
    bindHost,
    credentials,
    storage,
    tablePrefix: env.TABLE_PREFIX ?? 'ppi',
    dataDir,
    log: {
      level: env.LOG_LEVEL ?? 'info',
      format: (env.LOG_FORMAT ?? (production ? 'json' : 'pretty')) as 'json' | 'pretty',
    },
    ppiAdminIds: env.PPI_ADMIN_IDS,
    allowedTenantIds,
    jobsSecret: env.JOBS_SECRET,
    scheduler: { enabled: env.SCHEDULER_ENABLED, tickSeconds: env.SCHEDULER_TICK_SECONDS },
    nudges: {
      cadenceDays: env.NUDGE_CADENCE_DAYS,
      workingHours: { start, end },
      followUpAfterWorkingDays: env.FOLLOW_UP_AFTER_WORKING_DAYS,
      maxFollowUps: env.MAX_FOLLOW_UPS,
    },
    tenantSendsPerSecond: env.TENANT_SENDS_PER_SECOND,
    sendsInFlightPerTenant: env.SENDS_IN_FLIGHT_PER_TENANT,
    draftRetentionDays: env.DRAFT_RETENTION_DAYS,
    maxRequestBytes: env.MAX_REQUEST_BYTES,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? (production ? undefined : `http://localhost:${env.PORT}`))?.replace(
      /\/$/,
      '',
    ),
    exportSigningKey: env.EXPORT_SIGNING_KEY,
    reportQuarters: env.REPORT_QUARTERS === 'calendar' ? 'calendar' : 'financial',
    cardActions: env.CARD_ACTIONS === 'execute' ? 'execute' : 'submit',
    clockStart: env.BOT_CLOCK === undefined ? undefined : new Date(env.BOT_CLOCK),
  });
}
