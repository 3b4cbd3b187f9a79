import { type Config, loadConfig } from '../../src/config.js';
import { azuriteConnectionString, uniquePrefix } from './azurite.js';

export const ADMIN_ID = 'aad-ppi-admin';

/**
 * A valid config with its own tables on the test Azurite, bound to loopback; `overrides` are env variables.
 * Without a bot registration it is a local anonymous run against a connection string, so it says LOCAL_ANONYMOUS.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const registered = Boolean(overrides.MicrosoftAppId);
  return loadConfig({
    TABLE_PREFIX: uniquePrefix(),
    LOG_LEVEL: 'silent',
    PPI_ADMIN_IDS: ADMIN_ID,
    BIND_HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: azuriteConnectionString(),
    ...(registered ? {} : { LOCAL_ANONYMOUS: 'true' }),
    ...overrides,
  });
}
