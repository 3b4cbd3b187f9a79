import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { PlaceCheck, RoleChecks, StoredPlace } from '../bot/access.js';
import type { BotRouter, CardData, RoutePolicy } from '../bot/router.js';
import { policyOf, runCardAction, runCommand } from '../bot/run-route.js';
import type { AdaptiveCard, Turn } from '../bot/turn.js';
import type { Logger } from '../logger.js';
import { cleanText, createTurn, type MemberLookup } from './create-turn.js';

export interface FailureReplies {
  /** The sentence a user sees when a handler fails; never contains internals. */
  describe(error: unknown, correlationId: string): string;
  card(text: string): AdaptiveCard;
}

const INSTALL = 'installationUpdate';

function isActionExecute(context: TurnContext): boolean {
  const a = context.activity;
  const value = a.value as { action?: { type?: unknown } } | undefined;
  return a.type === 'invoke' && a.name === 'adaptiveCard/action' && value?.action?.type === 'Action.Execute';
}

function asRecord(value: unknown): CardData {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as CardData) : {};
}

const EVERYONE = [{ who: ['anyone'], where: 'anywhere' }] as const;

/** BotRouter over a teams-ai Application: first matching route wins, card actions are Action.Execute verbs. */
export function createTeamsRouter(
  app: Application<TurnState>,
  log: Logger,
  failures: FailureReplies,
  roles: RoleChecks,
  lookup?: MemberLookup,
): BotRouter {
  const places = new Map<StoredPlace, PlaceCheck>();
  const runtime = { roles, places };
  const policies: RoutePolicy[] = [];
  const logFailure = (turn: Turn, error: unknown) =>
    turn.log.error({ err: error, actor: turn.actor.id }, 'handler failed');

  const inCard = async (context: TurnContext, run: (turn: Turn) => Promise<AdaptiveCard>) => {
    const turn = createTurn(context, log, lookup);
    try {
      return (await run(turn)) as never;
    } catch (error) {
      logFailure(turn, error);
      return failures.card(failures.describe(error, turn.correlationId)) as never;
    }
  };

  const inTurn = async (context: TurnContext, handler: (turn: Turn) => Promise<void>) => {
    const turn = createTurn(context, log, lookup);
    try {
      await handler(turn);
    } catch (error) {
      logFailure(turn, error);
      await turn.say(failures.describe(error, turn.correlationId));
    }
  };

  const installAction = (action: 'add' | 'remove') => async (context: TurnContext) => {
    const a = context.activity;
    if (a.type === INSTALL) return a.action === action || (action === 'add' && a.action === 'add-upgrade');
    if (a.type !== 'conversationUpdate') return false;
    const botId = a.recipient?.id;
    const members = action === 'add' ? a.membersAdded : a.membersRemoved;
    return (members ?? []).some((m) => m.id === botId);
  };

  return {
    command(route, handler) {
      policies.push(policyOf(route.name, 'command', route));
      app.message(
        async (context) => context.activity.type === 'message' && route.pattern.test(cleanText(context.activity)),
        (context) => inTurn(context, (turn) => runCommand(turn, route, handler, runtime)),
      );
    },
    cardAction(route, handler) {
      policies.push(policyOf(route.verb, 'card', route));
      app.adaptiveCards.actionExecute(route.verb, (context, _state, data) =>
        inCard(context, (turn) => runCardAction(turn, route, handler, asRecord(data), runtime, failures.card)),
      );
    },
    installed(handler) {
      policies.push({ route: 'installed', kind: 'event', grants: EVERYONE });
      app.activity(installAction('add'), (context) => inTurn(context, handler));
    },
    uninstalled(handler) {
      policies.push({ route: 'uninstalled', kind: 'event', grants: EVERYONE });
      app.activity(installAction('remove'), (context) => inTurn(context, handler));
    },
    fallback({ message, cardAction }) {
      policies.push({ route: 'anything else', kind: 'event', grants: EVERYONE });
      app.message(
        async (context) => context.activity.type === 'message',
        (context) => inTurn(context, message),
      );
      app.adaptiveCards.actionExecute(
        async (context) => isActionExecute(context),
        (context) => inCard(context, cardAction),
      );
    },
    place(name, check) {
      places.set(name, check);
    },
    policies: () => policies,
  };
}
