import { TeamsAdapter } from '@microsoft/teams-ai';
import {
  type Activity,
  CallerIdConstants,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  StatusCodes,
  type TurnContext,
} from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import type { BotCredentials } from '../config.js';

/**
 * Where the adapter fetches the OpenID metadata (and from it the signing keys) that incoming tokens are checked
 * against. Tests point both at a loopback key server; without it the adapter uses Bot Framework's public endpoints.
 *
 * Deliberately NOT settable from configuration (no environment variable, no `loadConfig` field): whoever controls
 * these URLs chooses which keys are trusted, so reading them from settings would let a changed setting turn token
 * checking into an authentication bypass. Only code that builds the bot (`createBot`) can pass them.
 */
export interface TokenKeyEndpoints {
  /** Bot Framework channel tokens (issuer `https://api.botframework.com`): what Teams sends. */
  readonly channelOpenIdMetadataUrl: string;
  /** Entra tokens botbuilder also accepts (the Emulator and skills issuers). */
  readonly emulatorOpenIdMetadataUrl: string;
}

/**
 * jsonwebtoken's refusals (bad signature, `alg: none`, an algorithm other than RS256/384/512, not yet valid).
 * botbuilder lets them escape as plain errors, which CloudAdapter answers with 500; they are the caller's fault: 401.
 */
const TOKEN_REFUSALS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** TeamsAdapter that answers every refused token with 401; a metadata outage stays a 500 (Teams retries those). */
class TokenCheckingTeamsAdapter extends TeamsAdapter {
  /** Set with credentials; in local anonymous mode (config.ts allows it on loopback only) no token is checked. */
  channelTokensOnly = false;

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (error) {
      if (error instanceof Error && TOKEN_REFUSALS.has(error.name)) {
        throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
    if (this.channelTokensOnly) refuseAllButTheChannel(authenticated);
    return super.processActivity(authenticated, activity, logic);
  }
}

/**
 * botbuilder also accepts Entra tokens whose `appid` is the bot's own (its Emulator and skills path), from the Bot
 * Framework tenant or any tenant the token names: whoever holds the bot's secret (or runs as its identity) could then
 * post as any user. Teams only ever sends Bot Framework channel tokens, so every other issuer is refused.
 */
function refuseAllButTheChannel(authenticated: AuthenticateRequestResult): void {
  const issuer = authenticated.claimsIdentity?.getClaimValue(AuthenticationConstants.IssuerClaim);
  if (issuer !== AuthenticationConstants.ToBotFromChannelTokenIssuer) {
    throw new AuthenticationError(
      'Unauthorized. Only Bot Framework channel tokens are accepted.',
      StatusCodes.UNAUTHORIZED,
    );
  }
}

/**
 * botbuilder's own public-cloud defaults with the two metadata URLs replaced. Once any of these is given, botbuilder
 * takes all of them as given (an unset issuer would refuse every token), so all are spelled out.
 */
function authenticationOptions(keys: TokenKeyEndpoints): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: keys.channelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: keys.emulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

function credentialFactoryOf(credentials: BotCredentials): ConfigurationServiceClientCredentialFactory {
  switch (credentials.kind) {
    case 'anonymous':
      return new ConfigurationServiceClientCredentialFactory({});
    case 'MultiTenant':
      return new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: credentials.appId,
        MicrosoftAppPassword: credentials.password,
        MicrosoftAppType: 'MultiTenant',
      });
    case 'SingleTenant':
      return new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: credentials.appId,
        MicrosoftAppPassword: credentials.password,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: credentials.tenantId,
      });
    case 'UserAssignedMSI':
      return new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: credentials.appId,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: credentials.tenantId,
      });
  }
}

/**
 * CloudAdapter for Teams. With no credentials it runs anonymously (local Playground only); with credentials every
 * incoming request must carry a valid Bot Framework token, otherwise the adapter answers 401.
 */
export function createAdapter(credentials: BotCredentials, keys?: TokenKeyEndpoints): TeamsAdapter {
  const adapter = new TokenCheckingTeamsAdapter(
    keys ? authenticationOptions(keys) : {},
    credentialFactoryOf(credentials),
  );
  adapter.channelTokensOnly = credentials.kind !== 'anonymous';
  return adapter;
}

export function botAppIdOf(credentials: BotCredentials): string {
  return credentials.kind === 'anonymous' ? '' : credentials.appId;
}
