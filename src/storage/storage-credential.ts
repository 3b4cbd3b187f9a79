import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { StorageIdentity } from '../config.js';

/** A credential that could not get a token: the probe tells the operator which identity setting to check. */
export class CredentialFailure extends Error {
  readonly code = 'storage_credential_failed';
}

/** The production credential for STORAGE_ACCOUNT_URL: the user-assigned managed identity, or the developer's sign-in. */
export function credentialFor(identity: StorageIdentity): TokenCredential {
  return identity.kind === 'managed-identity'
    ? new ManagedIdentityCredential({ clientId: identity.clientId })
    : new DefaultAzureCredential();
}

/** The same credential, whose failures are marked as `CredentialFailure` (the SDK passes them through as they are). */
export function markingFailures(credential: TokenCredential): TokenCredential {
  return {
    async getToken(scopes, options) {
      try {
        const token = await credential.getToken(scopes, options);
        if (!token) throw new Error('the credential returned no token');
        return token;
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new CredentialFailure(reason ?? 'no reason given', { cause: error });
      }
    },
  };
}
