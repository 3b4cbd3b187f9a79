import type { CloudAdapter } from 'botbuilder';
import { type ConversationReference, TurnContext } from 'botbuilder';
import { type Messenger, SendFailure } from '../bot/messenger.js';
import type { ConversationRef } from '../bot/turn.js';
import { toActivity } from './to-activity.js';

interface PipelineOwner {
  readonly client?: { readonly pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * The connector client retries 429 and 5xx by itself (three times, out of sight). Proactive sends are retried by the
 * delivery engine instead, which honours Retry-After, counts attempts and pauses sending when throttled, so the
 * client's own retry phase is removed for them. The client is created afresh for each proactive turn.
 */
function withoutSdkRetries(context: TurnContext, adapter: CloudAdapter): void {
  const client = context.turnState.get(adapter.ConnectorClientKey) as PipelineOwner | undefined;
  client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

interface ConnectorError {
  readonly statusCode?: unknown;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Connector errors become SendFailure (status + Retry-After) so the delivery engine needs no SDK types. */
function asSendFailure(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { statusCode, response } = error as ConnectorError;
  if (typeof statusCode !== 'number') return error;
  const failure = new SendFailure(
    statusCode,
    retryAfterMs(response?.headers?.get?.('retry-after')),
    `Teams answered HTTP ${statusCode}`,
  );
  return Object.assign(failure, { cause: error });
}

/**
 * Runs a proactive turn and rethrows what failed inside it. The error is caught inside the turn's own callback
 * (`inTurn`), because otherwise the adapter hands it to onTurnError, which logs it and swallows it.
 */
async function translated(work: (inTurn: (step: () => Promise<void>) => Promise<void>) => Promise<void>) {
  let failure: unknown;
  const inTurn = async (step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      failure = error;
    }
  };
  try {
    await work(inTurn);
  } catch (error) {
    failure ??= error;
  }
  if (failure !== undefined) throw asSendFailure(failure);
}

/** Proactive messages through the adapter (continueConversationAsync / createConversationAsync). */
export function createTeamsMessenger(adapter: CloudAdapter, botAppId: string): Messenger {
  const asReference = (ref: ConversationRef) => ref as unknown as Partial<ConversationReference>;
  return {
    async send(reference, message) {
      let id: string | undefined;
      await translated((inTurn) =>
        adapter.continueConversationAsync(botAppId, asReference(reference), (context) =>
          inTurn(async () => {
            withoutSdkRetries(context, adapter);
            id = (await context.sendActivity(toActivity(message)))?.id;
          }),
        ),
      );
      return id;
    },
    async update(reference, activityId, message) {
      await translated((inTurn) =>
        adapter.continueConversationAsync(botAppId, asReference(reference), (context) =>
          inTurn(async () => {
            withoutSdkRetries(context, adapter);
            await context.updateActivity({ ...toActivity(message), id: activityId });
          }),
        ),
      );
    },
    async createPersonalConversation(teamReference, channelUserId) {
      const ref = asReference(teamReference);
      const tenantId = teamReference.conversation?.tenantId;
      let created: ConversationRef | undefined;
      await translated(() =>
        adapter.createConversationAsync(
          botAppId,
          'msteams',
          ref.serviceUrl ?? '',
          '',
          {
            isGroup: false,
            bot: ref.bot ?? { id: botAppId, name: 'bot' },
            members: [{ id: channelUserId, name: '' }],
            channelData: tenantId ? { tenant: { id: tenantId } } : {},
            ...(tenantId ? { tenantId } : {}),
            activity: undefined as never,
          },
          async (context) => {
            created = JSON.parse(
              JSON.stringify(TurnContext.getConversationReference(context.activity)),
            ) as ConversationRef;
          },
        ),
      );
      if (!created) throw new Error('Teams did not return a conversation for that user.');
      return created;
    },
  };
}
