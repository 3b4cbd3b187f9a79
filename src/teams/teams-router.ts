import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { BotRouter, CardActionHandler } from '../bot/router.js';
import type { AdaptiveCard, CardActionResult, Turn } from '../bot/turn.js';
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

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** BotRouter over a teams-ai Application: first matching route wins, card actions are Action.Execute verbs. */
export function createTeamsRouter(
  app: Application<TurnState>,
  log: Logger,
  failures: FailureReplies,
  lookup?: MemberLookup,
): BotRouter {
  const logFailure = (turn: Turn, error: unknown) =>
    turn.log.error({ err: error, actor: turn.actor.id }, 'handler failed');

  const runCardAction = async (context: TurnContext, data: unknown, handler: CardActionHandler) => {
    const turn = createTurn(context, log, lookup);
    try {
      const result: CardActionResult = await handler(turn, asRecord(data));
      return result.card as never;
    } catch (error) {
      logFailure(turn, error);
      return failures.card(failures.describe(error, turn.correlationId)) as never;
    }
  };

  const runTurn = async (context: TurnContext, handler: (turn: Turn) => Promise<void>) => {
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
    command(pattern, handler) {
      app.message(
        async (context) => context.activity.type === 'message' && pattern.test(cleanText(context.activity)),
        (context) =>
          runTurn(context, (turn) => handler(turn, turn.text.match(pattern) ?? ([turn.text] as RegExpMatchArray))),
      );
    },
    cardAction(verb, handler) {
      app.adaptiveCards.actionExecute(verb, (context, _state, data) => runCardAction(context, data, handler));
    },
    installed(handler) {
      app.activity(installAction('add'), (context) => runTurn(context, handler));
    },
    uninstalled(handler) {
      app.activity(installAction('remove'), (context) => runTurn(context, handler));
    },
    fallback({ message, cardAction }) {
      app.message(
        async (context) => context.activity.type === 'message',
        (context) => runTurn(context, message),
      );
      app.adaptiveCards.actionExecute(
        async (context) => isActionExecute(context),
        (context, _state, data) => runCardAction(context, data, cardAction),
      );
    },
  };
}
