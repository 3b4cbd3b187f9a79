import { randomUUID } from 'node:crypto';
import { INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { describeFailure } from '../errors/describe-failure.js';
import type { Logger } from '../logger.js';

/** Last line of defence for a turn: log with a correlation id, tell the user plainly, never leak internals. */
export function createTurnErrorHandler(log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = randomUUID().slice(0, 8);
    const a = context.activity;
    log.error({ err: error, correlationId, activityId: a.id, type: a.type, name: a.name }, 'unhandled turn error');
    try {
      const text = describeFailure(error, correlationId);
      if (a.type === 'message') await context.sendActivity(text);
      if (a.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
      }
    } catch (sendError) {
      log.warn({ err: sendError, correlationId }, 'could not tell the user about the error');
    }
  };
}
