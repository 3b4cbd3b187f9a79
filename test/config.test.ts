import { describe, expect, it } from 'vitest';
import { type Config, ConfigError, isLoopback, loadConfig } from '../src/config.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '66666666-7777-8888-9999-000000000000';
const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
const IDENTITY = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const ACCOUNT_URL = 'https://ppipartner.table.core.windows.net';
const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

describe('loadConfig', () => {
  it('defaults to local anonymous mode on loopback with the embedded Azurite', () => {
    const config = loadConfig({});
    expect(config.credentials).toEqual({ kind: 'anonymous' });
    expect(config.port).toBe(3978);
    expect(config.bindHost).toBe('127.0.0.1');
    expect(config.storage).toEqual({ kind: 'embedded-azurite', port: 10002, location: '.data/azurite' });
    expect(config.nudges).toMatchObject({ cadenceDays: 42, workingHours: { start: '09:30', end: '16:00' } });
  });

  it('reads each kind of bot credentials', () => {
    const storage = { STORAGE_ACCOUNT_URL: ACCOUNT_URL };
    const multi = { ...storage, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', ALLOWED_TENANT_IDS: TENANT };
    expect(loadConfig(multi).credentials.kind).toBe('MultiTenant');
    expect(
      loadConfig({
        ...storage,
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 's',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT,
      }).credentials,
    ).toEqual({ kind: 'SingleTenant', appId: APP_ID, password: 's', tenantId: TENANT });
    expect(
      loadConfig({
        ...storage,
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: TENANT,
      }).credentials.kind,
    ).toBe('UserAssignedMSI');
    expect(loadConfig(multi).bindHost).toBe('0.0.0.0');
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT is not valid: set it to a whole number from 1 to 65535\.$/],
    [{ MicrosoftAppId: 'not-a-guid' }, /^MicrosoftAppId is not valid: set it to .*GUID/],
    [{ MicrosoftAppId: APP_ID }, /^MicrosoftAppPassword is not valid/],
    [{ MicrosoftAppPassword: 'secret' }, /^MicrosoftAppId is not valid/],
    [
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' },
      /^MicrosoftAppTenantId is not valid/,
    ],
    [{ WORKING_HOURS: '16:00-09:30' }, /^WORKING_HOURS is not valid: set it to a range like 09:30-16:00/],
    [{ TABLE_PREFIX: 'bad-prefix!' }, /^TABLE_PREFIX is not valid/],
    [{ JOBS_SECRET: 'short' }, /^JOBS_SECRET is not valid: set it to a random secret of at least 24 characters\.$/],
    [{ STORAGE_CONNECTION_STRING: 'nonsense' }, /^STORAGE_CONNECTION_STRING is not valid/],
    [{ MAX_FOLLOW_UPS: '3' }, /^MAX_FOLLOW_UPS is not valid: set it to a whole number from 0 to 2\.$/],
    [{ SCHEDULER_ENABLED: 'maybe' }, /^SCHEDULER_ENABLED is not valid: set it to true or false\.$/],
    [
      {
        EXPORT_SIGNING_KEY: '@Microsoft.KeyVault(SecretUri=https://kv-ppi.vault.azure.net/secrets/export-signing-key/)',
      },
      /^EXPORT_SIGNING_KEY is an unresolved Key Vault reference: give the app's managed identity .*restart\.$/,
    ],
    [
      { JOBS_SECRET: '@Microsoft.KeyVault(VaultName=kv-ppi;SecretName=jobs-secret)' },
      /^JOBS_SECRET is an unresolved Key Vault reference/,
    ],
  ])('refuses %j with one sentence naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses anonymous mode and the embedded Azurite in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^MicrosoftAppId is missing.*NODE_ENV=production/);
    const registered = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', ALLOWED_TENANT_IDS: TENANT };
    expect(() => loadConfig({ NODE_ENV: 'production', BIND_HOST: '127.0.0.1', ...registered })).toThrow(
      /^STORAGE_ACCOUNT_URL is missing/,
    );
  });

  it('refuses anonymous mode on any interface but loopback, whatever NODE_ENV says (App Service sets none)', () => {
    expect(() => loadConfig({ BIND_HOST: '0.0.0.0' })).toThrow(/^MicrosoftAppId is missing: set MicrosoftAppId/);
    expect(() => loadConfig({ BIND_HOST: '0.0.0.0', NODE_ENV: 'development', LOCAL_ANONYMOUS: 'true' })).toThrow(
      /^MicrosoftAppId is missing/,
    );
    expect(() => loadConfig({ STORAGE_CONNECTION_STRING: AZURITE })).toThrow(/or set LOCAL_ANONYMOUS=true/);
    expect(loadConfig({ STORAGE_CONNECTION_STRING: AZURITE, LOCAL_ANONYMOUS: 'true' }).credentials.kind).toBe(
      'anonymous',
    );
    expect(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', LOCAL_ANONYMOUS: 'true' })).toThrow(
      /^LOCAL_ANONYMOUS is set together with MicrosoftAppId/,
    );
  });

  it('needs a tenant allow-list with credentials: ALLOWED_TENANT_IDS, or the registration’s single tenant', () => {
    const storage = { STORAGE_ACCOUNT_URL: ACCOUNT_URL };
    expect(() => loadConfig({ ...storage, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' })).toThrow(
      /^ALLOWED_TENANT_IDS is missing/,
    );
    const single = { ...storage, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' };
    expect(loadConfig({ ...single, MicrosoftAppTenantId: TENANT }).allowedTenantIds).toEqual([TENANT]);
    expect(
      loadConfig({ ...single, MicrosoftAppTenantId: TENANT, ALLOWED_TENANT_IDS: `${TENANT},${OTHER_TENANT}` })
        .allowedTenantIds,
    ).toEqual([TENANT, OTHER_TENANT]);
    const msi = {
      ...storage,
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
    };
    expect(loadConfig(msi).allowedTenantIds).toEqual([TENANT]);
  });

  it('signs in to STORAGE_ACCOUNT_URL with AZURE_CLIENT_ID, the bot’s own managed identity, or the developer', () => {
    const msi = { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT };
    expect(loadConfig({ ...msi, STORAGE_ACCOUNT_URL: `${ACCOUNT_URL}/` }).storage).toEqual({
      kind: 'account-url',
      accountUrl: ACCOUNT_URL,
      identity: { kind: 'managed-identity', clientId: APP_ID },
    });
    expect(loadConfig({ ...msi, STORAGE_ACCOUNT_URL: ACCOUNT_URL, AZURE_CLIENT_ID: IDENTITY }).storage).toMatchObject({
      identity: { kind: 'managed-identity', clientId: IDENTITY },
    });
    expect(loadConfig({ STORAGE_ACCOUNT_URL: ACCOUNT_URL, LOCAL_ANONYMOUS: 'true' }).storage).toMatchObject({
      identity: { kind: 'developer' },
    });
    expect(() => loadConfig({ STORAGE_ACCOUNT_URL: 'http://ppipartner.table.core.windows.net' })).toThrow(
      /^STORAGE_ACCOUNT_URL is not valid: set it to the https address/,
    );
    expect(() => loadConfig({ ...msi, AZURE_CLIENT_ID: 'nope' })).toThrow(/^AZURE_CLIENT_ID is not valid/);
    expect(() => loadConfig({ ...msi, STORAGE_ACCOUNT_URL: ACCOUNT_URL, STORAGE_CONNECTION_STRING: AZURITE })).toThrow(
      /^STORAGE_ACCOUNT_URL and STORAGE_CONNECTION_STRING are both set: unset one of them/,
    );
  });

  it('knows loopback when it sees it', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.4', 'localhost', '', 'fe80::1']) {
      expect(isLoopback(host), host).toBe(false);
    }
  });

  it('treats empty values as unset and parses id lists', () => {
    const config = loadConfig({ PORT: '', PPI_ADMIN_IDS: ' a-1 , b-2,, ', ALLOWED_TENANT_IDS: TENANT });
    expect(config.port).toBe(3978);
    expect(config.ppiAdminIds).toEqual(['a-1', 'b-2']);
    expect(config.allowedTenantIds).toEqual([TENANT]);
  });

  it('sends card buttons as Action.Submit unless told execute, and says what to set', () => {
    expect(loadConfig({}).cardActions).toBe('submit');
    expect(loadConfig({ CARD_ACTIONS: 'execute' }).cardActions).toBe('execute');
    expect(loadConfig({ CARD_ACTIONS: ' submit ' }).cardActions).toBe('submit');
    expect(() => loadConfig({ CARD_ACTIONS: 'Execute' })).toThrow(
      new ConfigError(
        'CARD_ACTIONS is not valid: set it to submit (Action.Submit buttons, which work in Teams on phones too; the default) or execute (Action.Execute buttons: Teams desktop and web only).',
      ),
    );
  });

  it('numbers report quarters by financial year unless told calendar, and says what to set', () => {
    expect(loadConfig({}).reportQuarters).toBe('financial');
    expect(loadConfig({ REPORT_QUARTERS: 'calendar' }).reportQuarters).toBe('calendar');
    expect(() => loadConfig({ REPORT_QUARTERS: 'fiscal' })).toThrow(
      new ConfigError(
        'REPORT_QUARTERS is not valid: set it to financial (Q1 = April to June, the default) or calendar (Q1 = January to March).',
      ),
    );
  });
});

/** Every combination of the settings that decide whether the bot may start, and the safety each start must have. */
describe('start-up matrix', () => {
  const credentials: Record<string, Record<string, string>> = {
    none: {},
    MultiTenant: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'MultiTenant' },
    SingleTenant: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 's',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
    },
    UserAssignedMSI: { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT },
  };
  const nodeEnvs = [undefined, 'production', 'development'];
  const bindHosts = [undefined, '127.0.0.1', '::1', '0.0.0.0', '192.168.1.20'];
  const storages: Record<string, Record<string, string>> = {
    embedded: {},
    'connection string': { STORAGE_CONNECTION_STRING: AZURITE },
    'account URL': { STORAGE_ACCOUNT_URL: ACCOUNT_URL },
  };
  const allowLists = [undefined, OTHER_TENANT];
  const localSwitch = [undefined, 'true'];
  const SETTINGS =
    /^(MicrosoftAppId|MicrosoftAppPassword|MicrosoftAppTenantId|ALLOWED_TENANT_IDS|STORAGE_ACCOUNT_URL|STORAGE_CONNECTION_STRING|LOCAL_ANONYMOUS|BIND_HOST|NODE_ENV)\b/;

  /** Plainly local: loopback, not NODE_ENV=production (an unset BIND_HOST is loopback only without credentials). */
  const plainlyLocal = (env: Record<string, string>) =>
    env.NODE_ENV !== 'production' && isLoopback(env.BIND_HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'));

  /** The rule, written independently of src/config.ts. */
  function shouldStart(env: Record<string, string>): boolean {
    const embedded = !env.STORAGE_CONNECTION_STRING && !env.STORAGE_ACCOUNT_URL;
    if (embedded && !plainlyLocal(env)) return false;
    if (!env.MicrosoftAppId) return plainlyLocal(env) && (embedded || env.LOCAL_ANONYMOUS === 'true');
    if (env.LOCAL_ANONYMOUS) return false;
    return Boolean(env.ALLOWED_TENANT_IDS) || env.MicrosoftAppType !== 'MultiTenant';
  }

  function assertSafe(config: Config, env: Record<string, string>): void {
    if (config.credentials.kind === 'anonymous') {
      expect(isLoopback(config.bindHost)).toBe(true);
      expect(env.NODE_ENV).not.toBe('production');
      expect(config.storage.kind === 'embedded-azurite' || env.LOCAL_ANONYMOUS === 'true').toBe(true);
    } else {
      expect(config.allowedTenantIds.length).toBeGreaterThan(0);
      expect(config.allowedTenantIds).toEqual(env.ALLOWED_TENANT_IDS ? [env.ALLOWED_TENANT_IDS] : [TENANT]);
    }
    if (config.storage.kind === 'embedded-azurite') expect(plainlyLocal(env)).toBe(true);
  }

  it('starts safely or refuses with one sentence naming the setting, for every combination', () => {
    let started = 0;
    let refused = 0;
    const mismatches: string[] = [];
    for (const [credentialName, credential] of Object.entries(credentials))
      for (const nodeEnv of nodeEnvs)
        for (const bindHost of bindHosts)
          for (const [storageName, storage] of Object.entries(storages))
            for (const allowList of allowLists)
              for (const local of localSwitch) {
                const env: Record<string, string> = {
                  ...credential,
                  ...storage,
                  ...(nodeEnv ? { NODE_ENV: nodeEnv } : {}),
                  ...(bindHost ? { BIND_HOST: bindHost } : {}),
                  ...(allowList ? { ALLOWED_TENANT_IDS: allowList } : {}),
                  ...(local ? { LOCAL_ANONYMOUS: local } : {}),
                };
                const label = `${credentialName} / NODE_ENV=${nodeEnv} / BIND_HOST=${bindHost} / ${storageName} / allow-list ${allowList ? 'set' : 'unset'} / LOCAL_ANONYMOUS=${local}`;
                let config: Config | undefined;
                try {
                  config = loadConfig(env);
                } catch (error) {
                  expect(error, label).toBeInstanceOf(ConfigError);
                  const message = (error as Error).message;
                  expect(message, label).toMatch(SETTINGS);
                  expect(message, label).toMatch(/: (set|unset) /);
                  expect(message.endsWith('.'), label).toBe(true);
                  expect(message.slice(0, -1), `${label}: one sentence`).not.toMatch(/[.!?]\s+[A-Z]/);
                }
                if (config) {
                  assertSafe(config, env);
                  started++;
                } else refused++;
                if (Boolean(config) !== shouldStart(env)) mismatches.push(label);
              }
    console.log(`start-up matrix: ${started + refused} combinations, ${started} started, ${refused} refused`);
    expect(mismatches).toEqual([]);
    expect(started).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
