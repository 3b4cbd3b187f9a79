import { readFileSync } from 'node:fs';
import { at, bodyOf, type Deployment, Evaluator, loadTemplate, type Template } from './bicep/template.js';

/**
 * infra/main.bicep and infra/main.parameters.json, parsed, and one imagined deployment of them: the parameters file
 * as an operator fills it in, the two secrets given on the command line, and placeholders for what Azure assigns
 * (client ids, host names, secret URIs). Tests use it to compute the app settings and outputs the template produces.
 */

export const TEMPLATE_FILE = new URL('../../infra/main.bicep', import.meta.url);
export const PARAMETERS_FILE = new URL('../../infra/main.parameters.json', import.meta.url);

export const template: Template = loadTemplate(TEMPLATE_FILE);

export interface ParametersFile {
  readonly $schema: string;
  readonly contentVersion: string;
  readonly parameters: Readonly<Record<string, { readonly value?: unknown; readonly reference?: unknown }>>;
}

export const parametersFile = JSON.parse(readFileSync(PARAMETERS_FILE, 'utf8')) as ParametersFile;

export const TENANT_ID = '6a3b1c2d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
export const IDENTITY_CLIENT_ID = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
export const ADMIN_OBJECT_ID = '0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e';
export const WEB_APP_HOST = 'ppi-partner-abc123.azurewebsites.net';
export const JOBS_SECRET = 'jobs-secret-value-from-the-command-line-0123456789';
export const EXPORT_SIGNING_KEY = 'export-signing-key-from-the-command-line-0123456789abcdef';

const VAULT_URI = 'https://kv-ppipart-abc123.vault.azure.net/';

/** Placeholders for what only exists once Azure has created the resources. */
export const RUNTIME_REFERENCES: Readonly<Record<string, unknown>> = {
  'identity.properties.clientId': IDENTITY_CLIENT_ID,
  'identity.properties.principalId': '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  'identity.properties.tenantId': TENANT_ID,
  'webApp.properties.defaultHostName': WEB_APP_HOST,
  'appInsights.properties.ConnectionString':
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  'jobsSecretValue.properties.secretUri': `${VAULT_URI}secrets/jobs-secret`,
  'exportSigningKeyValue.properties.secretUri': `${VAULT_URI}secrets/export-signing-key`,
};

/** The parameters file's values with the operator's edits: here, a real-looking administrator object id. */
export function operatorParams(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const fromFile = Object.fromEntries(Object.entries(parametersFile.parameters).map(([k, v]) => [k, v.value]));
  return {
    ...fromFile,
    ppiAdminObjectIds: [ADMIN_OBJECT_ID],
    jobsSecret: JOBS_SECRET,
    exportSigningKey: EXPORT_SIGNING_KEY,
    ...overrides,
  };
}

export function deployment(params: Record<string, unknown> = operatorParams()): Deployment {
  return {
    params,
    references: RUNTIME_REFERENCES,
    tenantId: TENANT_ID,
    subscriptionId: '11112222-3333-4444-5555-666677778888',
    resourceGroup: { name: 'rg-ppi-partner', location: 'uksouth' },
  };
}

export function evaluator(params?: Record<string, unknown>): Evaluator {
  return new Evaluator(template, deployment(params));
}

export function param(name: string) {
  const found = template.params.get(name);
  if (!found) throw new Error(`infra/main.bicep declares no param ${name}`);
  return found;
}

export function resource(name: string) {
  const found = template.resources.get(name);
  if (!found) throw new Error(`infra/main.bicep declares no resource ${name}`);
  return found;
}

/** Resources of a type, e.g. every Microsoft.Authorization/roleAssignments. */
export function resourcesOfType(type: string) {
  return [...template.resources.values()].filter((r) => r.type === type);
}

/** The Web App's app settings exactly as the template writes them (Key Vault references unresolved). */
export function appSettingsAsWritten(params?: Record<string, unknown>): Record<string, string> {
  const configs = resourcesOfType('Microsoft.Web/sites/config').filter((r) => {
    const name = at(bodyOf(r), 'name');
    return name?.kind === 'string' && name.segments[0] === 'appsettings';
  });
  if (configs.length !== 1) throw new Error(`expected one sites/config "appsettings", found ${configs.length}`);
  const [config] = configs;
  const properties = config ? at(bodyOf(config), 'properties') : undefined;
  if (!properties) throw new Error('the appsettings resource has no properties');
  const value = evaluator(params).evaluate(properties);
  if (!value || typeof value !== 'object') throw new Error('app settings are not an object');
  const settings: Record<string, string> = {};
  for (const [key, setting] of Object.entries(value)) {
    if (typeof setting !== 'string') throw new Error(`app setting ${key} is not a string: ${JSON.stringify(setting)}`);
    settings[key] = setting;
  }
  return settings;
}

const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(SecretUri=(https:\/\/[^)]+)\)$/;

/**
 * What the app sees once App Service has resolved the Key Vault references: each reference is replaced by the value
 * the template writes to the secret that the URI names.
 */
export function appSettingsAsResolved(params?: Record<string, unknown>): Record<string, string> {
  const written = appSettingsAsWritten(params);
  const evaluate = evaluator(params);
  const secrets = resourcesOfType('Microsoft.KeyVault/vaults/secrets');
  const resolved: Record<string, string> = {};
  for (const [key, value] of Object.entries(written)) {
    const uri = KEY_VAULT_REFERENCE.exec(value)?.[1];
    if (!uri) {
      resolved[key] = value;
      continue;
    }
    const secretName = new URL(uri).pathname.split('/')[2];
    const secret = secrets.find((s) => evaluate.evaluate(at(bodyOf(s), 'name') ?? { kind: 'null' }) === secretName);
    const secretValue = secret ? evaluate.evaluate(at(bodyOf(secret), 'properties.value') ?? { kind: 'null' }) : null;
    if (typeof secretValue !== 'string') throw new Error(`${key} refers to ${uri}, which the template does not write`);
    resolved[key] = secretValue;
  }
  return resolved;
}

export function isKeyVaultReference(value: string): boolean {
  return KEY_VAULT_REFERENCE.test(value);
}
