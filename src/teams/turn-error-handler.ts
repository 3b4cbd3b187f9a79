import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { describeFailure } from '../errors/describe-failure.js';
import type { Logger } from '../logger.js';

/** Last line of defence for a turn: log with a correlation id, tell the user plainly, never leak internals. */
export function createTurnErrorHandler(log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = randomUUID().slice(0, 8);
    const a = context.activity;
    log.error({ err: error, correlationId, activityId: a.id, type: a.type, name: a.name }, 'unhandled turn error');
    try {
      if (a.type === 'message') await context.sendActivity(describeFailure(error, correlationId));
    } catch (sendError) {
      log.warn({ err: sendError, correlationId }, 'could not tell the user about the error');
    }
  };
}
