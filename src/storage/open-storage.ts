import type { TokenCredential } from '@azure/identity';
import type { StorageSetting } from '../config.js';
import { credentialFor, markingFailures } from './storage-credential.js';
import type { TableAccess } from './table-access.js';

/** The store the bot uses, and how to let go of it (the embedded Azurite is stopped so it saves to disk). */
export interface OpenedStorage {
  readonly access: TableAccess;
  /** The embedded Azurite's port, when the bot started one. */
  readonly embeddedPort?: number;
  stop(): Promise<void>;
}

const nothingToStop = async () => undefined;

/**
 * Turns the storage setting into table access: a managed identity (or the developer's sign-in) for
 * STORAGE_ACCOUNT_URL, the connection string as given, or an embedded Azurite started here. Azurite is a development
 * dependency, loaded only on this path, so a production install (`npm prune --omit=dev`) does not carry it.
 * `credential` replaces the Entra ID credential (tests: a fake, so nothing calls a real identity endpoint).
 */
export async function openStorage(
  setting: StorageSetting,
  options: { readonly credential?: TokenCredential } = {},
): Promise<OpenedStorage> {
  switch (setting.kind) {
    case 'connection-string':
      return { access: setting.connectionString, stop: nothingToStop };
    case 'account-url':
      return {
        access: {
          accountUrl: setting.accountUrl,
          credential: markingFailures(options.credential ?? credentialFor(setting.identity)),
        },
        stop: nothingToStop,
      };
    case 'embedded-azurite': {
      const { startEmbeddedAzurite } = await import('./embedded-azurite.js');
      const azurite = await startEmbeddedAzurite({ port: setting.port, location: setting.location });
      return { access: azurite.connectionString, embeddedPort: azurite.port, stop: () => azurite.stop() };
    }
  }
}
