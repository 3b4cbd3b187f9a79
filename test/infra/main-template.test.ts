// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Bicep source text, whose interpolation is ${...}
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Expr, sourceOf } from './bicep/parse.js';
import { allExpressions, at, bodyOf, decorator, dependenciesOf, literal, type Resource } from './bicep/template.js';
import { evaluator, param, resource, resourcesOfType, template } from './deployment-fixture.js';

/**
 * Offline checks of infra/main.bicep (no Bicep compiler can be installed here). They prove the template is well
 * formed as far as a small parser can tell, uses only resource types and API versions from this list, and sets the
 * security-relevant properties. What only Azure can tell (that each API version accepts each property, that names
 * are free, that the roles can be assigned) needs `az deployment group what-if`: see docs/deploy.md.
 */

/** Resource types the template may declare, with the API versions checked against Microsoft's reference. */
const KNOWN_TYPES: Readonly<Record<string, readonly string[]>> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': ['2023-01-31'],
  'Microsoft.OperationalInsights/workspaces': ['2023-09-01'],
  'Microsoft.Insights/components': ['2020-02-02'],
  'Microsoft.Insights/diagnosticSettings': ['2021-05-01-preview'],
  'Microsoft.Storage/storageAccounts': ['2023-05-01'],
  'Microsoft.Storage/storageAccounts/tableServices': ['2023-05-01'],
  'Microsoft.Authorization/roleAssignments': ['2022-04-01'],
  'Microsoft.Authorization/locks': ['2020-05-01'],
  'Microsoft.KeyVault/vaults': ['2023-07-01'],
  'Microsoft.KeyVault/vaults/secrets': ['2023-07-01'],
  'Microsoft.Web/serverfarms': ['2023-12-01'],
  'Microsoft.Web/sites': ['2023-12-01'],
  'Microsoft.Web/sites/config': ['2023-12-01'],
  'Microsoft.Web/sites/basicPublishingCredentialsPolicies': ['2023-12-01'],
  'Microsoft.BotService/botServices': ['2022-09-15'],
  'Microsoft.BotService/botServices/channels': ['2022-09-15'],
};

const STORAGE_TABLE_DATA_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';
const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';

/** Names that say "this is a secret". */
const SECRET_NAME = /secret|password|passwd|signingkey|signing_key|connectionstring|connection_string|token|apikey/i;
/** Properties that hold secrets or keys when read from a resource. */
const SECRET_PROPERTY = /^(connectionString|instrumentationKey|primaryKey|secondaryKey|key\d?|keys|password|secret)$/i;

const evaluate = evaluator();
const value = (r: Resource, path: string) => {
  const expr = at(bodyOf(r), path);
  return expr ? evaluate.evaluate(expr) : undefined;
};
const text = (r: Resource, path: string) => {
  const expr = at(bodyOf(r), path);
  return expr ? sourceOf(expr) : undefined;
};
const secureParams = [...template.params.values()].filter((p) => decorator(p, 'secure'));
const one = (type: string): Resource => {
  const found = resourcesOfType(type);
  expect(
    found.map((r) => r.name),
    type,
  ).toHaveLength(1);
  return found[0] as Resource;
};

describe('infra/main.bicep parses', () => {
  it('as far as the offline parser can take it: balanced delimiters, strings, statements, expressions', () => {
    expect(template.statements.length).toBeGreaterThan(0);
    expect(template.resources.size).toBeGreaterThan(0);
    expect(literal(template.statements.find((s) => s.kind === 'targetScope')?.value)).toBe('resourceGroup');
  });

  it('gives every param a non-empty @description', () => {
    for (const p of template.params.values()) {
      const description = literal(decorator(p, 'description')?.args[0]);
      expect(typeof description === 'string' && description.trim().length > 10, p.name).toBe(true);
    }
  });

  it('gives every output a @description', () => {
    for (const output of template.outputs.values()) {
      expect(typeof literal(decorator(output, 'description')?.args[0]), output.name).toBe('string');
    }
  });

  it('declares only known resource types at checked API versions', () => {
    for (const r of template.resources.values()) {
      expect(KNOWN_TYPES[r.type], `${r.name}: ${r.type}`).toBeDefined();
      expect(KNOWN_TYPES[r.type], `${r.name}: ${r.type}@${r.apiVersion}`).toContain(r.apiVersion);
      expect(r.existing, r.name).toBe(false);
    }
  });

  it('uses every param and var it declares (a typo would leave one unused)', () => {
    const mentioned = new Set<string>();
    for (const e of allExpressions(template)) if (e.kind === 'ident') mentioned.add(e.name);
    for (const name of [...template.params.keys(), ...template.vars.keys()]) {
      expect(mentioned.has(name), `${name} is never used`).toBe(true);
    }
  });
});

describe('infra/main.bicep keeps secrets out of outputs, defaults and literals', () => {
  it('takes exactly the two secrets as @secure() params without defaults', () => {
    expect(secureParams.map((p) => p.name).sort()).toEqual(['exportSigningKey', 'jobsSecret']);
    for (const p of secureParams) expect(p.value, p.name).toBeUndefined();
    expect(literal(decorator(param('jobsSecret'), 'minLength')?.args[0])).toBe(24);
    expect(literal(decorator(param('exportSigningKey'), 'minLength')?.args[0])).toBe(32);
  });

  it('marks every secret-looking param @secure() and gives none a default', () => {
    for (const p of template.params.values()) {
      if (SECRET_NAME.test(p.name)) {
        expect(decorator(p, 'secure'), `${p.name} looks secret`).toBeDefined();
        expect(p.value, `${p.name} has a default`).toBeUndefined();
      }
    }
  });

  it('has no output that is secret by name, by source or by reading a key', () => {
    expect(template.outputs.size).toBeGreaterThan(0);
    for (const output of template.outputs.values()) {
      expect(output.name, 'output name').not.toMatch(SECRET_NAME);
      expect(decorator(output, 'secure'), output.name).toBeUndefined();
      const deps = dependenciesOf(template, output.value);
      for (const p of secureParams) expect(deps.has(p.name), `${output.name} uses ${p.name}`).toBe(false);
      const reads: Expr[] = [output.value];
      for (const name of deps) {
        const v = template.vars.get(name);
        if (v) reads.push(v.value);
      }
      for (const e of reads.flatMap((r) => allExpressionsOf(r))) {
        if (e.kind === 'member') expect(e.property, `${output.name}: ${sourceOf(e)}`).not.toMatch(SECRET_PROPERTY);
        if (e.kind === 'call' && e.callee.kind === 'ident') {
          expect(e.callee.name, `${output.name} calls ${e.callee.name}`).not.toMatch(/^list/i);
        }
      }
    }
  });

  it('contains no literal that looks like a key, connection string or password', () => {
    for (const e of allExpressions(template)) {
      if (e.kind !== 'string') continue;
      for (const segment of e.segments) {
        expect(segment, 'base64/hex-looking literal').not.toMatch(/[A-Za-z0-9+/]{40,}={0,2}/);
        expect(segment, 'connection string literal').not.toMatch(/AccountKey=|SharedAccessSignature=|Password=/i);
      }
    }
  });

  it('writes each secret only to Key Vault, never straight into an app setting', () => {
    for (const p of secureParams) {
      const users = [...template.resources.values()].filter((r) => dependenciesOf(template, r.value).has(p.name));
      expect(
        users.map((r) => r.type),
        p.name,
      ).toEqual(['Microsoft.KeyVault/vaults/secrets']);
    }
  });
});

describe('infra/main.bicep declares the resources with the properties the bot relies on', () => {
  it('a user-assigned managed identity', () => {
    one('Microsoft.ManagedIdentity/userAssignedIdentities');
  });

  it('a Linux App Service plan that supports Always On, sized by instanceCount', () => {
    const plan = one('Microsoft.Web/serverfarms');
    expect(value(plan, 'kind')).toBe('linux');
    expect(value(plan, 'properties.reserved')).toBe(true);
    expect(text(plan, 'sku.capacity')).toBe('instanceCount');
    const allowed = literal(decorator(param('appServicePlanSku'), 'allowed')?.args[0]);
    expect(Array.isArray(allowed) && allowed.length > 0).toBe(true);
    for (const sku of allowed as string[])
      expect(sku, 'Free and Shared plans have no Always On').not.toMatch(/^[FD]\d/);
  });

  it('a Linux Web App on Node 20 LTS: HTTPS only, always on, TLS 1.2, FTPS off, health check /readyz', () => {
    const site = one('Microsoft.Web/sites');
    expect(value(site, 'kind')).toBe('app,linux');
    expect(text(site, 'properties.serverFarmId')).toBe('plan.id');
    expect(value(site, 'properties.httpsOnly')).toBe(true);
    expect(value(site, 'properties.siteConfig.linuxFxVersion')).toBe('NODE|20-lts');
    expect(value(site, 'properties.siteConfig.alwaysOn')).toBe(true);
    expect(value(site, 'properties.siteConfig.minTlsVersion')).toBe('1.2');
    expect(value(site, 'properties.siteConfig.scmMinTlsVersion')).toBe('1.2');
    expect(value(site, 'properties.siteConfig.ftpsState')).toBe('Disabled');
    expect(value(site, 'properties.siteConfig.healthCheckPath')).toBe('/readyz');
    expect(value(site, 'properties.clientAffinityEnabled')).toBe(false);
    expect(value(resource('ftpPublishing'), 'properties.allow')).toBe(false);
  });

  it('runs the app as the managed identity, which also resolves the Key Vault references', () => {
    const site = one('Microsoft.Web/sites');
    expect(value(site, 'identity.type')).toBe('UserAssigned');
    const identities = at(bodyOf(site), 'identity.userAssignedIdentities');
    expect(identities?.kind === 'object' && identities.properties.map((p) => p.key)).toEqual(["'${identity.id}'"]);
    expect(text(site, 'properties.keyVaultReferenceIdentity')).toBe('identity.id');
  });

  it('starts the built app with node dist/src/main.js, which is where npm run build puts src/main.ts', () => {
    expect(value(one('Microsoft.Web/sites'), 'properties.siteConfig.appCommandLine')).toBe('node dist/src/main.js');
    const tsconfig = JSON.parse(readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8')) as {
      compilerOptions: { outDir: string; rootDir: string };
    };
    const build = JSON.parse(readFileSync(new URL('../../tsconfig.build.json', import.meta.url), 'utf8')) as {
      include: string[];
    };
    expect([tsconfig.compilerOptions.outDir, tsconfig.compilerOptions.rootDir, build.include]).toEqual([
      'dist',
      '.',
      ['src'],
    ]);
    expect(readFileSync(new URL('../../src/main.ts', import.meta.url), 'utf8')).toMatch(/await main\(\)/);
  });

  it('an Azure Bot, single-tenant through the user-assigned identity, with the messaging endpoint on the Web App', () => {
    const bot = one('Microsoft.BotService/botServices');
    expect(value(bot, 'location')).toBe('global');
    expect(value(bot, 'kind')).toBe('azurebot');
    expect(value(bot, 'properties.msaAppType')).toBe('UserAssignedMSI');
    expect(text(bot, 'properties.msaAppId')).toBe('identity.properties.clientId');
    expect(text(bot, 'properties.msaAppTenantId')).toBe('identity.properties.tenantId');
    expect(text(bot, 'properties.msaAppMSIResourceId')).toBe('identity.id');
    expect(value(bot, 'properties.endpoint')).toBe(`https://${String(evaluate.output('BOT_DOMAIN'))}/api/messages`);
    expect(readFileSync(new URL('../../src/server.ts', import.meta.url), 'utf8')).toContain(
      "server.post('/api/messages'",
    );
  });

  it('the Microsoft Teams channel, and no other channel declared', () => {
    const channels = resourcesOfType('Microsoft.BotService/botServices/channels');
    expect(channels.map((c) => value(c, 'name'))).toEqual(['MsTeamsChannel']);
    const [teams] = channels;
    if (!teams) throw new Error('no Teams channel');
    expect(text(teams, 'parent')).toBe('bot');
    expect(value(teams, 'properties.channelName')).toBe('MsTeamsChannel');
    expect(value(teams, 'properties.properties.isEnabled')).toBe(true);
  });

  it('a StorageV2 account: TLS 1.2, https only, no public blob access, shared keys off', () => {
    const storage = one('Microsoft.Storage/storageAccounts');
    expect(value(storage, 'kind')).toBe('StorageV2');
    expect(value(storage, 'properties.minimumTlsVersion')).toBe('TLS1_2');
    expect(value(storage, 'properties.supportsHttpsTrafficOnly')).toBe(true);
    expect(value(storage, 'properties.allowBlobPublicAccess')).toBe(false);
    expect(value(storage, 'properties.allowSharedKeyAccess')).toBe(false);
    expect(value(storage, 'properties.defaultToOAuthAuthentication')).toBe(true);
    expect(String(value(storage, 'name'))).toMatch(/^[a-z0-9]{3,24}$/);
  });

  it('Storage Table Data Contributor on the account for the identity', () => {
    const roles = resourcesOfType('Microsoft.Authorization/roleAssignments').filter(
      (r) => text(r, 'scope') === 'storage',
    );
    expect(roles).toHaveLength(1);
    const [role] = roles as [Resource];
    expect(String(value(role, 'properties.roleDefinitionId'))).toMatch(
      new RegExp(`/providers/Microsoft.Authorization/roleDefinitions/${STORAGE_TABLE_DATA_CONTRIBUTOR}$`),
    );
    expect(text(role, 'properties.principalId')).toBe('identity.properties.principalId');
    expect(value(role, 'properties.principalType')).toBe('ServicePrincipal');
    expect(String(value(role, 'name'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('a Key Vault with RBAC, purge protection, the two secrets, and Key Vault Secrets User for the identity', () => {
    const vault = one('Microsoft.KeyVault/vaults');
    expect(value(vault, 'properties.enableRbacAuthorization')).toBe(true);
    expect(value(vault, 'properties.enableSoftDelete')).toBe(true);
    expect(value(vault, 'properties.enablePurgeProtection')).toBe(true);
    expect(String(value(vault, 'name'))).toMatch(/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/);
    const secrets = resourcesOfType('Microsoft.KeyVault/vaults/secrets');
    expect(secrets.map((s) => [text(s, 'parent'), text(s, 'properties.value')])).toEqual([
      ['vault', 'jobsSecret'],
      ['vault', 'exportSigningKey'],
    ]);
    const readers = resourcesOfType('Microsoft.Authorization/roleAssignments').filter(
      (r) => text(r, 'scope') === 'vault' && text(r, 'properties.principalId') === 'identity.properties.principalId',
    );
    expect(readers.map((r) => String(value(r, 'properties.roleDefinitionId')).split('/').at(-1))).toEqual([
      KEY_VAULT_SECRETS_USER,
    ]);
  });

  it('Log Analytics and a workspace-based Application Insights, with the Web App logs sent to the workspace', () => {
    const workspace = one('Microsoft.OperationalInsights/workspaces');
    const insights = one('Microsoft.Insights/components');
    expect(text(insights, 'properties.WorkspaceResourceId')).toBe(`${workspace.name}.id`);
    expect(value(insights, 'properties.IngestionMode')).toBe('LogAnalytics');
    const siteDiagnostics = resourcesOfType('Microsoft.Insights/diagnosticSettings').filter(
      (d) => text(d, 'scope') === one('Microsoft.Web/sites').name,
    );
    expect(siteDiagnostics).toHaveLength(1);
    const [diagnostics] = siteDiagnostics as [Resource];
    expect(text(diagnostics, 'properties.workspaceId')).toBe(`${workspace.name}.id`);
    const categories = (value(diagnostics, 'properties.logs') as { category: string }[]).map((l) => l.category);
    expect(categories).toContain('AppServiceConsoleLogs');
  });

  it('every diagnostic setting and role assignment targets a resource this template declares', () => {
    const extensionTypes = ['Microsoft.Insights/diagnosticSettings', 'Microsoft.Authorization/roleAssignments'];
    for (const r of template.resources.values()) {
      const scope = text(r, 'scope');
      if (extensionTypes.includes(r.type) || r.type === 'Microsoft.Authorization/locks') {
        expect(scope && template.resources.has(scope), `${r.name} scope ${scope}`).toBe(true);
      }
      const parent = text(r, 'parent');
      if (parent) expect(template.resources.has(parent), `${r.name} parent ${parent}`).toBe(true);
    }
  });
});

function allExpressionsOf(expr: Expr): Expr[] {
  return allExpressions({
    ...template,
    statements: [{ kind: 'var', name: '_', value: expr, line: 0, decorators: [] }],
  });
}
