import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '66666666-7777-8888-9999-000000000000';

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
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' }).credentials.kind).toBe('MultiTenant');
    expect(
      loadConfig({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 's',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT,
      }).credentials,
    ).toEqual({ kind: 'SingleTenant', appId: APP_ID, password: 's', tenantId: TENANT });
    expect(
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT })
        .credentials.kind,
    ).toBe('UserAssignedMSI');
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' }).bindHost).toBe('0.0.0.0');
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
  ])('refuses %j with one sentence naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses anonymous mode and the embedded Azurite in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId is missing.*NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' })).toThrow(
      /STORAGE_CONNECTION_STRING is missing/,
    );
  });

  it('treats empty values as unset and parses id lists', () => {
    const config = loadConfig({ PORT: '', PPI_ADMIN_IDS: ' a-1 , b-2,, ', ALLOWED_TENANT_IDS: TENANT });
    expect(config.port).toBe(3978);
    expect(config.ppiAdminIds).toEqual(['a-1', 'b-2']);
    expect(config.allowedTenantIds).toEqual([TENANT]);
  });
});
