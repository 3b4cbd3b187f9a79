import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { RoleChecks } from '../bot/access.js';
import { type Messenger, withOutgoingCards } from '../bot/messenger.js';
import type { BotRouter } from '../bot/router.js';
import { type AdaptiveCard, CARDS_AS_BUILT, type OutgoingCards } from '../bot/turn.js';
import type { BotCredentials } from '../config.js';
import type { Logger } from '../logger.js';
import type { ActivityLedger } from '../storage/activity-ledger.js';
import { botAppIdOf, createAdapter, type TokenKeyEndpoints } from './create-adapter.js';
import type { MemberLookup } from './create-turn.js';
import { createTeamsMessenger } from './teams-messenger.js';
import { createTeamsRouter } from './teams-router.js';
import { createTurnErrorHandler } from './turn-error-handler.js';
import { passTurnGuards } from './turn-guards.js';

export interface TeamsBotOptions {
  readonly credentials: BotCredentials;
  readonly allowedTenantIds: readonly string[];
  readonly ledger: ActivityLedger;
  readonly roles: RoleChecks;
  readonly log: Logger;
  /** The sentence and card a user sees when a handler fails. */
  readonly failures: { describe(error: unknown, correlationId: string): string; card(text: string): AdaptiveCard };
  readonly messenger?: Messenger;
  readonly lookupMember?: MemberLookup;
  /** Applied to every card the bot sends, in turns and proactively (CARD_ACTIONS=submit turns buttons into Submit). */
  readonly outgoingCards?: OutgoingCards;
  /** Tests only: where incoming tokens' signing keys are fetched (a loopback key server). Never from configuration. */
  readonly authentication?: TokenKeyEndpoints;
}

/** The Teams side of the bot: adapter, Application, router, proactive messenger, and the turn pipeline. */
export interface TeamsBot {
  readonly adapter: TeamsAdapter;
  readonly router: BotRouter;
  readonly messenger: Messenger;
  /** Handles one incoming activity: the turn guards (tenant, sender, de-duplication), then the routes. */
  handle(context: TurnContext): Promise<void>;
}

export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const { credentials, log } = options;
  const adapter = createAdapter(credentials, options.authentication);
  const botAppId = botAppIdOf(credentials);
  adapter.onTurnError = createTurnErrorHandler(log);
  const app = new Application<TurnState>({
    adapter,
    botAppId,
    // No turn-state storage: every feature keeps its state in its own tables, ETag-checked, and no route reads
    // teams-ai's conversation/user state. Loading and saving it would cost two Table round trips per turn (bench/).
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const guards = { ledger: options.ledger, allowedTenantIds: options.allowedTenantIds, log };
  const outgoing = options.outgoingCards ?? CARDS_AS_BUILT;
  return {
    adapter,
    router: createTeamsRouter(app, log, options.failures, options.roles, options.lookupMember, outgoing),
    messenger: withOutgoingCards(options.messenger ?? createTeamsMessenger(adapter, botAppId), outgoing),
    async handle(context) {
      if (await passTurnGuards(context, guards)) await app.run(context);
    },
  };
}
