import { type Config, loadConfig } from '../../src/config.js';
import { uniquePrefix } from './azurite.js';

export const ADMIN_ID = 'aad-ppi-admin';

/** A valid anonymous config with its own tables; `overrides` are env variables. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent', PPI_ADMIN_IDS: ADMIN_ID, ...overrides });
}
