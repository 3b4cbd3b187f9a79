import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPackagingEnv } from '../../scripts/manifest/fill-manifest.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  ADMIN_OBJECT_ID,
  appSettingsAsResolved,
  appSettingsAsWritten,
  EXPORT_SIGNING_KEY,
  evaluator,
  IDENTITY_CLIENT_ID,
  isKeyVaultReference,
  JOBS_SECRET,
  operatorParams,
  parametersFile,
  TENANT_ID,
  template,
  WEB_APP_HOST,
} from './deployment-fixture.js';

/**
 * The app settings infra/main.bicep writes, computed with placeholders for what Azure assigns, against the bot's
 * real configuration loader: every production setting is there, each is one the bot (or the platform) reads, and
 * `loadConfig` accepts them as a production configuration.
 */

const configSource = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
const readByConfig = (name: string) => new RegExp(`\\b${name}\\b`).test(configSource);

/** Settings App Service or an Azure SDK reads, not src/config.ts. */
const PLATFORM_SETTINGS: Readonly<Record<string, string>> = {
  WEBSITE_RUN_FROM_PACKAGE: 'App Service runs the zip-deployed package read-only',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service must not rebuild the pre-built package',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'the Application Insights agent (when enabled)',
  ApplicationInsightsAgent_EXTENSION_VERSION: 'turns the Application Insights agent on',
  AZURE_CLIENT_ID: "@azure/identity's managed identity credential picks the user-assigned identity by it",
};

/** What the bot reads in production (issue 19 and src/config.ts); the template must set each of these. */
const PRODUCTION_SETTINGS = [
  'NODE_ENV',
  'LOG_FORMAT',
  'BIND_HOST',
  'MicrosoftAppType',
  'MicrosoftAppId',
  'MicrosoftAppTenantId',
  'AZURE_CLIENT_ID',
  'STORAGE_ACCOUNT_URL',
  'TABLE_PREFIX',
  'ALLOWED_TENANT_IDS',
  'PPI_ADMIN_IDS',
  'PUBLIC_BASE_URL',
  'JOBS_SECRET',
  'EXPORT_SIGNING_KEY',
];

const written = appSettingsAsWritten();
const resolved = appSettingsAsResolved();

describe('the app settings infra/main.bicep writes', () => {
  it('include every production setting', () => {
    for (const name of PRODUCTION_SETTINGS) expect(written[name], `${name} is not set`).toBeDefined();
  });

  it('are each read by src/config.ts or by the platform (a misspelt name would be neither)', () => {
    for (const name of Object.keys(written)) {
      expect(readByConfig(name) || name in PLATFORM_SETTINGS, `${name} is read by nothing`).toBe(true);
    }
  });

  it('are production, JSON logs, all interfaces, and the pre-built package run as is', () => {
    expect(written).toMatchObject({
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      BIND_HOST: '0.0.0.0',
      WEBSITE_RUN_FROM_PACKAGE: '1',
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'false',
    });
  });

  it('authenticate as the user-assigned identity, for the Bot Connector and for storage, with no secret or key', () => {
    expect(written).toMatchObject({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: IDENTITY_CLIENT_ID,
      MicrosoftAppTenantId: TENANT_ID,
      AZURE_CLIENT_ID: IDENTITY_CLIENT_ID,
    });
    expect(written.STORAGE_ACCOUNT_URL).toMatch(/^https:\/\/[a-z0-9]{3,24}\.table\.core\.windows\.net$/);
    expect(written.STORAGE_ACCOUNT_URL).toBe(
      `https://${String(evaluator().output('STORAGE_ACCOUNT_NAME'))}.table.core.windows.net`,
    );
    for (const name of ['MicrosoftAppPassword', 'STORAGE_CONNECTION_STRING'])
      expect(written[name], name).toBeUndefined();
  });

  it('restrict the bot to the deployment tenant by default, or to the tenants given', () => {
    expect(written.ALLOWED_TENANT_IDS).toBe(TENANT_ID);
    const other = '7b4c2d3e-5f6a-4b8c-9d0e-1f2a3b4c5d6e';
    const both = appSettingsAsWritten(operatorParams({ allowedTenantIds: [TENANT_ID, other] }));
    expect(both.ALLOWED_TENANT_IDS).toBe(`${TENANT_ID},${other}`);
  });

  it('give PUBLIC_BASE_URL the same host as the messaging endpoint and BOT_DOMAIN, custom or not', () => {
    expect(written.PUBLIC_BASE_URL).toBe(`https://${WEB_APP_HOST}`);
    const custom = operatorParams({ publicHostName: 'ppi.trust.nhs.uk' });
    expect(appSettingsAsWritten(custom).PUBLIC_BASE_URL).toBe('https://ppi.trust.nhs.uk');
    expect(evaluator(custom).output('BOT_DOMAIN')).toBe('ppi.trust.nhs.uk');
  });

  it('read JOBS_SECRET and EXPORT_SIGNING_KEY from Key Vault, never as values', () => {
    expect(isKeyVaultReference(written.JOBS_SECRET ?? '')).toBe(true);
    expect(isKeyVaultReference(written.EXPORT_SIGNING_KEY ?? '')).toBe(true);
    expect(JSON.stringify(written)).not.toContain(JOBS_SECRET);
    expect(JSON.stringify(written)).not.toContain(EXPORT_SIGNING_KEY);
    expect(resolved.JOBS_SECRET).toBe(JOBS_SECRET);
    expect(resolved.EXPORT_SIGNING_KEY).toBe(EXPORT_SIGNING_KEY);
  });

  it('let extra tuning settings through but never over the template’s own', () => {
    const settings = appSettingsAsWritten(
      operatorParams({
        extraAppSettings: { NUDGE_CADENCE_DAYS: '56', NODE_ENV: 'development', BIND_HOST: '127.0.0.1' },
      }),
    );
    expect(settings).toMatchObject({ NUDGE_CADENCE_DAYS: '56', NODE_ENV: 'production', BIND_HOST: '0.0.0.0' });
  });

  it('turn the Application Insights agent on only when asked', () => {
    expect(written.ApplicationInsightsAgent_EXTENSION_VERSION).toBeUndefined();
    expect(
      appSettingsAsWritten(operatorParams({ enableAppInsightsAgent: true })).ApplicationInsightsAgent_EXTENSION_VERSION,
    ).toBe('~3');
    expect(written.APPLICATIONINSIGHTS_CONNECTION_STRING).toMatch(/^InstrumentationKey=/);
  });
});

describe('src/config.ts loads the settings infra/main.bicep writes', () => {
  it('as a production configuration', () => {
    const config = loadConfig(resolved);
    expect(config.production).toBe(true);
    expect(config.credentials).toEqual({ kind: 'UserAssignedMSI', appId: IDENTITY_CLIENT_ID, tenantId: TENANT_ID });
    expect(config.allowedTenantIds).toEqual([TENANT_ID]);
    expect(config.ppiAdminIds).toEqual([ADMIN_OBJECT_ID]);
    expect(config.bindHost).toBe('0.0.0.0');
    expect(config.publicBaseUrl).toBe(`https://${WEB_APP_HOST}`);
    expect(config.jobsSecret).toBe(JOBS_SECRET);
    expect(config.exportSigningKey).toBe(EXPORT_SIGNING_KEY);
    expect(config.log.format).toBe('json');
    expect(config.tablePrefix).toBe('ppi');
    expect(JSON.stringify(config.storage)).toContain(resolved.STORAGE_ACCOUNT_URL);
    expect(JSON.stringify(config.storage)).not.toMatch(/AccountKey|azurite/i);
  });

  it('refuses to start without each setting it requires', () => {
    // ALLOWED_TENANT_IDS is not on the list: for a UserAssignedMSI bot it defaults to MicrosoftAppTenantId, and the
    // template sets it explicitly anyway.
    for (const name of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'STORAGE_ACCOUNT_URL']) {
      const { [name]: _removed, ...rest } = resolved;
      expect(() => loadConfig(rest), `without ${name}`).toThrow(ConfigError);
    }
  });

  it('refuses the parameters file as shipped, whose administrator id is a placeholder, naming PPI_ADMIN_IDS', () => {
    const shipped = parametersFile.parameters.ppiAdminObjectIds?.value;
    const settings = appSettingsAsResolved(operatorParams({ ppiAdminObjectIds: shipped }));
    expect(() => loadConfig(settings)).toThrow(ConfigError);
    expect(() => loadConfig(settings)).toThrow(/^PPI_ADMIN_IDS is not valid: set it to /);
  });
});

describe('the outputs of infra/main.bicep', () => {
  it('feed npm run package: BOT_ID and BOT_DOMAIN are accepted as they are', () => {
    const e = evaluator();
    const values = readPackagingEnv({
      BOT_ID: String(e.output('BOT_ID')),
      BOT_DOMAIN: String(e.output('BOT_DOMAIN')),
      PRIVACY_URL: 'https://www.trust.nhs.uk/privacy',
      TERMS_URL: 'https://www.trust.nhs.uk/terms',
    });
    expect(values.BOT_ID).toBe(IDENTITY_CLIENT_ID);
    expect(values.BOT_DOMAIN).toBe(WEB_APP_HOST);
  });

  it('name the bot the same way the app settings do', () => {
    const e = evaluator();
    expect(e.output('BOT_ID')).toBe(written.MicrosoftAppId);
    expect(`https://${String(e.output('BOT_DOMAIN'))}`).toBe(written.PUBLIC_BASE_URL);
    expect(e.output('PUBLIC_BASE_URL')).toBe(written.PUBLIC_BASE_URL);
    expect([...template.outputs.keys()]).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'WEB_APP_NAME']));
  });
});
