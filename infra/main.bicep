// PPI Partner: everything the bot needs in one resource group. Deploy with
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json \
//     -p jobsSecret=<random> exportSigningKey=<random>
// Step by step, with every parameter explained: docs/deploy.md.
//
// What it creates: a user-assigned managed identity (the bot's only credential: no client secret, no storage key);
// an App Service plan and Linux Web App (Node, HTTPS only, always on, health check /readyz); the Azure Bot
// (single-tenant via the identity) with the Microsoft Teams channel; a Storage account for Azure Table Storage
// with shared keys off and a Storage Table Data Contributor role for the identity; a Key Vault (RBAC) holding the
// jobs secret and the export signing key, read by the app through Key Vault references; Log Analytics and a
// workspace-based Application Insights. Outputs feed `npm run package` (BOT_ID, BOT_DOMAIN); none is a secret.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------

@description('Azure region for every resource except the Azure Bot (which is global). Defaults to the resource group\'s region, e.g. uksouth.')
param location string = resourceGroup().location

@description('Short name used to build resource names: lowercase letters, digits and hyphens, starting with a letter (e.g. ppi-partner). Names get a suffix unique to the resource group.')
@minLength(3)
@maxLength(20)
param namePrefix string = 'ppi-partner'

@description('App Service plan size. Basic (B1) is the smallest with Always On and up to 3 instances; Premium v3 (P0v3 and up) adds autoscale and zone redundancy.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('How many instances of the bot to run. 1 is enough for a trust; 2 or more for resilience (jobs stay single through leases in Table Storage).')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Node.js runtime of the Web App (App Service linuxFxVersion NODE|<this>). The project is built and tested on Node 20.')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string = '20-lts'

@description('Display name of the Azure Bot resource (shown in the Azure portal, not in Teams; Teams shows the app manifest\'s name).')
param botDisplayName string = 'PPI Partner'

@description('Azure Bot pricing tier. F0 (free) covers Microsoft Teams, which is a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Entra object ids of the PPI team administrators (PPI_ADMIN_IDS). They can set the PPI team channel and add PPI team members in Teams. At least one.')
@minLength(1)
param ppiAdminObjectIds array

@description('Entra tenant ids allowed to use the bot (ALLOWED_TENANT_IDS). Empty means only the tenant you deploy into.')
param allowedTenantIds array = []

@description('Prefix of every table the bot creates (TABLE_PREFIX): letters and digits, starting with a letter, at most 20 characters.')
@minLength(1)
@maxLength(20)
param tablePrefix string = 'ppi'

@description('Optional custom host name that already points at the Web App (e.g. ppi.trust.nhs.uk), with its certificate bound separately. Empty uses the Web App\'s own azurewebsites.net host name.')
param publicHostName string = ''

@description('Redundancy of the Storage account that holds all of the bot\'s data. Standard_ZRS or Standard_GZRS are recommended where the region offers them (uksouth does, ukwest does not).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_LRS'

@description('Put a CanNotDelete lock on the Storage account so the bot\'s data cannot be deleted with the resource group by mistake. Needs Owner or User Access Administrator to create.')
param lockStorageAccount bool = true

@description('Days Log Analytics keeps the bot\'s logs and telemetry (30 to 730).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Turn on the App Service Application Insights agent (request and dependency telemetry). Off by default: the bot\'s own JSON logs reach Log Analytics either way.')
param enableAppInsightsAgent bool = false

@description('Optional Entra object id of a group (or user) that may rotate the secrets with az keyvault secret set (Key Vault Secrets Officer). Empty assigns nobody; redeploying the template also rotates them.')
param keyVaultOfficerObjectId string = ''

@description('Kind of principal keyVaultOfficerObjectId is.')
@allowed([
  'Group'
  'User'
  'ServicePrincipal'
])
param keyVaultOfficerPrincipalType string = 'Group'

@description('How card buttons are sent (CARD_ACTIONS): submit (Action.Submit, works in Teams on phones, desktop and the web) or execute (Action.Execute, desktop and web only while Teams on iOS and Android sends nothing for it). Cards of either kind keep working after a change.')
@allowed([
  'submit'
  'execute'
])
param cardActions string = 'submit'

@description('Extra app settings for optional tuning (e.g. NUDGE_CADENCE_DAYS, WORKING_HOURS, LOG_LEVEL; see env.sample). They cannot override the settings this template sets.')
param extraAppSettings object = {}

@description('Tags added to every resource.')
param tags object = {}

@description('JOBS_SECRET: the secret for POST /api/jobs/<name>, at least 24 characters (e.g. openssl rand -hex 32). Written to Key Vault; pass it on the command line, never in a file.')
@secure()
@minLength(24)
param jobsSecret string

@description('EXPORT_SIGNING_KEY: signs CSV download links, at least 32 characters (e.g. openssl rand -hex 32), shared by every instance. Written to Key Vault; pass it on the command line, never in a file.')
@secure()
@minLength(32)
param exportSigningKey string

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id)
var compactPrefix = replace(toLower(namePrefix), '-', '')
var identityName = '${namePrefix}-identity'
var planName = '${namePrefix}-plan'
var webAppName = '${namePrefix}-${suffix}'
var botName = '${namePrefix}-bot-${suffix}'
var storageAccountName = 'st${take(compactPrefix, 9)}${suffix}'
var keyVaultName = 'kv-${take(compactPrefix, 7)}-${take(suffix, 12)}'
var workspaceName = '${namePrefix}-logs'
var appInsightsName = '${namePrefix}-insights'
var jobsSecretName = 'jobs-secret'
var exportSigningKeySecretName = 'export-signing-key'

// Built-in role definition ids (the same in every Azure tenant).
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

// ---------------------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------------

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Storage: Azure Table Storage, reached with the managed identity only
// ---------------------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'PPI Partner reads and writes its tables (Storage Table Data Contributor).'
  }
}

resource storageLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockStorageAccount) {
  name: 'ppi-partner-data-do-not-delete'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every PPI Partner record. Remove this lock only when the data is meant to go.'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key Vault: the two secrets, read by the Web App through Key Vault references
// ---------------------------------------------------------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    publicNetworkAccess: 'Enabled'
  }
}

resource jobsSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: jobsSecretName
  properties: {
    value: jobsSecret
    contentType: 'JOBS_SECRET: x-jobs-secret header for POST /api/jobs/<name>'
  }
}

resource exportSigningKeyValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: exportSigningKeySecretName
  properties: {
    value: exportSigningKey
    contentType: 'EXPORT_SIGNING_KEY: HMAC key for CSV download links'
  }
}

resource vaultSecretsUserRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'PPI Partner resolves its Key Vault references (Key Vault Secrets User).'
  }
}

resource vaultSecretsOfficerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyVaultOfficerObjectId)) {
  name: guid(vault.id, keyVaultOfficerObjectId, keyVaultSecretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
    principalId: keyVaultOfficerObjectId
    principalType: keyVaultOfficerPrincipalType
    description: 'Rotates the PPI Partner secrets (Key Vault Secrets Officer).'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App Service
// ---------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'node dist/src/main.js'
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
      use32BitWorkerProcess: false
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

var publicHost = empty(publicHostName) ? webApp.properties.defaultHostName : publicHostName
var tenantsAllowed = empty(allowedTenantIds) ? [
  tenant().tenantId
] : allowedTenantIds

// Every setting the bot reads in production (src/config.ts). Secrets are Key Vault references: App Service resolves
// them with keyVaultReferenceIdentity and the app sees the value.
var botAppSettings = {
  NODE_ENV: 'production'
  LOG_FORMAT: 'json'
  BIND_HOST: '0.0.0.0'
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppId: identity.properties.clientId
  MicrosoftAppTenantId: identity.properties.tenantId
  AZURE_CLIENT_ID: identity.properties.clientId
  STORAGE_ACCOUNT_URL: 'https://${storage.name}.table.${environment().suffixes.storage}'
  TABLE_PREFIX: tablePrefix
  ALLOWED_TENANT_IDS: join(tenantsAllowed, ',')
  PPI_ADMIN_IDS: join(ppiAdminObjectIds, ',')
  PUBLIC_BASE_URL: 'https://${publicHost}'
  CARD_ACTIONS: cardActions
  JOBS_SECRET: '@Microsoft.KeyVault(SecretUri=${jobsSecretValue.properties.secretUri})'
  EXPORT_SIGNING_KEY: '@Microsoft.KeyVault(SecretUri=${exportSigningKeyValue.properties.secretUri})'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
}
var appInsightsAgentSettings = enableAppInsightsAgent ? {
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
} : {}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  // extraAppSettings first: a key in both takes this template's value.
  properties: union(extraAppSettings, appInsightsAgentSettings, botAppSettings)
  dependsOn: [
    storageTableRole
    vaultSecretsUserRole
  ]
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
      {
        category: 'AppServiceAuditLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Azure Bot: single-tenant through the user-assigned identity, Microsoft Teams channel
// ---------------------------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${publicHost}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs (none is a secret): BOT_ID and BOT_DOMAIN feed `npm run package`
// ---------------------------------------------------------------------------------------------------------------

@description('BOT_ID for npm run package: the Azure Bot\'s Microsoft App ID, which is the managed identity\'s client id.')
output BOT_ID string = identity.properties.clientId

@description('BOT_DOMAIN for npm run package: the host name Teams reaches the bot on.')
output BOT_DOMAIN string = publicHost

@description('The bot\'s public address (PUBLIC_BASE_URL).')
output PUBLIC_BASE_URL string = 'https://${publicHost}'

@description('The Web App to zip-deploy to (az webapp deploy --name).')
output WEB_APP_NAME string = webApp.name

@description('The Key Vault holding jobs-secret and export-signing-key.')
output KEY_VAULT_NAME string = vault.name

@description('The Storage account holding the bot\'s tables.')
output STORAGE_ACCOUNT_NAME string = storage.name

@description('The Azure Bot resource (Channels, Test in Web Chat).')
output BOT_RESOURCE_NAME string = bot.name

@description('The Log Analytics workspace that receives the bot\'s logs.')
output LOG_ANALYTICS_WORKSPACE_NAME string = workspace.name

@description('The Entra tenant the bot is registered in (ALLOWED_TENANT_IDS defaults to it).')
output TENANT_ID string = identity.properties.tenantId
