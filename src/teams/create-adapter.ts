import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotCredentials } from '../config.js';

/**
 * CloudAdapter for Teams. With no credentials it runs anonymously (local Playground only); with credentials every
 * incoming request must carry a valid Bot Framework token, otherwise the adapter answers 401.
 */
export function createAdapter(credentials: BotCredentials): TeamsAdapter {
  switch (credentials.kind) {
    case 'anonymous':
      return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
    case 'MultiTenant':
      return new TeamsAdapter(
        {},
        new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.password,
          MicrosoftAppType: 'MultiTenant',
        }),
      );
    case 'SingleTenant':
      return new TeamsAdapter(
        {},
        new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.password,
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: credentials.tenantId,
        }),
      );
    case 'UserAssignedMSI':
      return new TeamsAdapter(
        {},
        new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: credentials.appId,
          MicrosoftAppType: 'UserAssignedMSI',
          MicrosoftAppTenantId: credentials.tenantId,
        }),
      );
  }
}

export function botAppIdOf(credentials: BotCredentials): string {
  return credentials.kind === 'anonymous' ? '' : credentials.appId;
}
