import { CredentialFailure } from './storage-credential.js';
import { statusOf } from './storage-errors.js';
import { probeClient, type TableAccess } from './table-access.js';

function credentialFailureIn(error: unknown): CredentialFailure | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof CredentialFailure) return e;
  }
  return undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';
}

/** What to check, in one sentence, when the probe failed. */
function explain(access: TableAccess, error: unknown): string {
  if (typeof access === 'string') {
    return `Azure Table Storage is not reachable (${firstLine(error)}): check STORAGE_CONNECTION_STRING, or leave it empty to use the embedded Azurite locally.`;
  }
  const credential = credentialFailureIn(error);
  if (credential) {
    return `The bot could not get a token for Azure Table Storage (${credential.message}): check AZURE_CLIENT_ID names a managed identity assigned to this app, or sign in with the Azure CLI when running locally.`;
  }
  const status = statusOf(error);
  if (status === 401 || status === 403) {
    return `Azure Table Storage refused the bot's identity (HTTP ${status}): give the identity in AZURE_CLIENT_ID the Storage Table Data Contributor role on the account in STORAGE_ACCOUNT_URL.`;
  }
  return `Azure Table Storage is not reachable (${firstLine(error)}): check STORAGE_ACCOUNT_URL.`;
}

/** One cheap call to the Table service; resolves to undefined when reachable, else a sentence saying what to do. */
export async function probeStore(access: TableAccess): Promise<string | undefined> {
  try {
    const pages = probeClient(access).listTables().byPage({ maxPageSize: 1 });
    await pages.next();
    return undefined;
  } catch (error) {
    return explain(access, error);
  }
}
