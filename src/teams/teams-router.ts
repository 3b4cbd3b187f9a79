import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { PlaceCheck, RoleChecks, StoredPlace } from '../bot/access.js';
import { readSubmitValue } from '../bot/card-submit.js';
import { CommandTable } from '../bot/command-table.js';
import type { BotRouter, CardData, CardReply, RoutePolicy } from '../bot/router.js';
import { holdsPersonRole, policyOf, runCardAction, runCommand } from '../bot/run-route.js';
import { type AdaptiveCard, CARDS_AS_BUILT, type OutgoingCards, type Turn } from '../bot/turn.js';
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

/** An Action.Submit of one of our buttons: a message whose value names a verb (src/bot/card-submit.ts). */
function submitted(context: TurnContext) {
  const a = context.activity;
  return a.type === 'message' ? readSubmitValue(a.value) : undefined;
}

/**
 * Answers an Action.Submit where Teams allows: the card's message (`replyToId`) is updated in place, for everyone in
 * the conversation (Submit has no per-person view), or else the card comes as a new message. In a channel or group
 * chat the router's own answers (a refusal, an out-of-date card) come as a new message instead, so that one person's
 * refusal does not replace the card the others still use.
 */
async function answerSubmit(turn: Turn, reply: CardReply): Promise<void> {
  if (reply.from === 'router' && turn.conversation.kind !== 'personal') {
    await turn.say(reply.sentence ?? { card: reply.card });
    return;
  }
  if (turn.replyToId) {
    try {
      await turn.update(turn.replyToId, { card: reply.card });
      return;
    } catch (error) {
      turn.log.warn({ err: error }, 'could not update the card in place: answered with a new message');
    }
  }
  await turn.say({ card: reply.card });
}

const EVERYONE = [{ who: ['anyone'], where: 'anywhere' }] as const;

/**
 * BotRouter over a teams-ai Application: first matching route wins. A card route answers its verb both as
 * Action.Execute (an invoke: the answer is the invoke response) and as Action.Submit (a message with a value: the
 * answer updates the card), whatever CARD_ACTIONS says, so cards sent before the setting changed still work.
 * `outgoing` is applied to every card sent (in a reply, an update or an invoke response).
 */
export function createTeamsRouter(
  app: Application<TurnState>,
  log: Logger,
  failures: FailureReplies,
  roles: RoleChecks,
  lookup?: MemberLookup,
  outgoing: OutgoingCards = CARDS_AS_BUILT,
): BotRouter {
  const places = new Map<StoredPlace, PlaceCheck>();
  const runtime = { roles, places };
  const policies: RoutePolicy[] = [];
  const commands = new CommandTable(runtime);
  const logFailure = (turn: Turn, error: unknown) =>
    turn.log.error({ err: error, actor: turn.actor.id }, 'handler failed');

  /** Action.Execute: the card in the invoke response replaces the clicked one (for the person who clicked). */
  const inExecute = async (context: TurnContext, run: (turn: Turn, data: CardData) => Promise<CardReply>) => {
    const turn = createTurn(context, log, lookup, outgoing);
    const value = context.activity.value as { action?: { data?: unknown } } | undefined;
    try {
      return outgoing((await run(turn, asRecord(value?.action?.data))).card) as never;
    } catch (error) {
      logFailure(turn, error);
      return outgoing(failures.card(failures.describe(error, turn.correlationId))) as never;
    }
  };

  /** Action.Submit: the same run; a failure is a new message, so the card keeps what was typed on it. */
  const inSubmit = async (context: TurnContext, run: (turn: Turn, data: CardData) => Promise<CardReply>) => {
    const turn = createTurn(context, log, lookup, outgoing);
    let reply: CardReply;
    try {
      reply = await run(turn, submitted(context)?.data ?? {});
    } catch (error) {
      logFailure(turn, error);
      await turn.say(failures.describe(error, turn.correlationId));
      return;
    }
    await answerSubmit(turn, reply);
  };

  const inTurn = async (context: TurnContext, handler: (turn: Turn) => Promise<void>) => {
    const turn = createTurn(context, log, lookup, outgoing);
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
      commands.add(route, handler);
      app.message(
        async (context) =>
          context.activity.type === 'message' && !submitted(context) && route.pattern.test(cleanText(context.activity)),
        (context) => inTurn(context, (turn) => runCommand(turn, route, handler, runtime)),
      );
    },
    cardAction(route, handler) {
      policies.push(policyOf(route.verb, 'card', route));
      const run = (turn: Turn, data: CardData) => runCardAction(turn, route, handler, data, runtime, failures.card);
      app.adaptiveCards.actionExecute(route.verb, (context) => inExecute(context, run));
      app.message(
        async (context) => submitted(context)?.verb === route.verb,
        (context) => inSubmit(context, run),
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
      const run = async (turn: Turn): Promise<CardReply> => ({ card: await cardAction(turn), from: 'router' });
      app.message(
        async (context) => submitted(context) !== undefined,
        (context) => inSubmit(context, run),
      );
      app.message(
        async (context) => context.activity.type === 'message',
        (context) =>
          inTurn(context, async (turn) => {
            const forgiven = await commands.forgive(turn);
            if (!forgiven.ran) await message(turn, forgiven.suggestion);
          }),
      );
      app.adaptiveCards.actionExecute(
        async (context) => isActionExecute(context),
        (context) => inExecute(context, run),
      );
    },
    place(name, check) {
      places.set(name, check);
    },
    policies: () => policies,
    runCommandText: (turn, text) => commands.runText(turn, text),
    mayUse: (turn, texts) => commands.mayUse(turn, texts),
    holds: (turn, role) => holdsPersonRole(turn, role, runtime),
  };
}
