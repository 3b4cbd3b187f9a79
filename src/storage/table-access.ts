import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

/**
 * How the bot reaches Azure Table Storage: a connection string (Azurite, or an account that needs its key), or the
 * account's Table endpoint and an Entra ID credential (a managed identity in Azure: no secret to copy or rotate).
 */
export type TableAccess = string | TokenAccess;

export interface TokenAccess {
  /** https://<account>.table.core.windows.net (or a path-style endpoint such as Azurite's). */
  readonly accountUrl: string;
  readonly credential: TokenCredential;
}

/** Retries kept short so that faults surface fast. */
const RETRIES: TableServiceClientOptions['retryOptions'] = {
  maxRetries: 2,
  retryDelayInMs: 100,
  maxRetryDelayInMs: 1000,
};

/** Plain http is allowed only for a connection string that says so (Azurite); bearer tokens go over https only. */
function clientOptions(access: TableAccess, retries = RETRIES): TableServiceClientOptions {
  const insecure =
    typeof access === 'string' &&
    /DefaultEndpointsProtocol=http;|TableEndpoint=http:|UseDevelopmentStorage=true/i.test(access);
  return { allowInsecureConnection: insecure, retryOptions: retries };
}

export function tableClient(access: TableAccess, tableName: string): TableClient {
  return typeof access === 'string'
    ? TableClient.fromConnectionString(access, tableName, clientOptions(access))
    : new TableClient(access.accountUrl, tableName, access.credential, clientOptions(access));
}

/** A service client that does not retry: for the start-up probe and `/readyz`. */
export function probeClient(access: TableAccess): TableServiceClient {
  const options = clientOptions(access, { maxRetries: 0 });
  return typeof access === 'string'
    ? TableServiceClient.fromConnectionString(access, options)
    : new TableServiceClient(access.accountUrl, access.credential, options);
}

/** Where the store is, for logs: never the key or the token. */
export function describeAccess(access: TableAccess): string {
  if (typeof access !== 'string') return `${access.accountUrl} (Entra ID)`;
  const endpoint = /TableEndpoint=([^;]+)/i.exec(access)?.[1];
  const account = /AccountName=([^;]+)/i.exec(access)?.[1];
  return `${endpoint ?? account ?? 'development storage'} (connection string)`;
}
