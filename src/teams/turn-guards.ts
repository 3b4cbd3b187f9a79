import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { ActivityLedger } from '../storage/activity-ledger.js';
import { TEAMS_CHANNEL_ID } from './activity-envelope.js';
import { conversationOf } from './create-turn.js';

export interface TurnGuardDeps {
  readonly ledger: ActivityLedger;
  readonly allowedTenantIds: readonly string[];
  readonly log: Logger;
}

const DUPLICATE_INVOKE_BODY = {
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: 'Already done.',
};

/** Why an authenticated activity is not for this bot, or undefined when it may go on. */
function refusalOf(
  context: TurnContext,
  allowedTenantIds: readonly string[],
): { reason: string; status: number } | undefined {
  const activity = context.activity;
  const tenantId = conversationOf(activity).tenantId;
  if (allowedTenantIds.length > 0 && (!tenantId || !allowedTenantIds.includes(tenantId))) {
    return { reason: 'activity from a tenant not on ALLOWED_TENANT_IDS refused', status: 403 };
  }
  // Also checked at the HTTP edge; here too because the adapter can be driven without it (tests, a future host).
  if (activity.channelId !== TEAMS_CHANNEL_ID)
    return { reason: 'activity from a channel other than Teams refused', status: 403 };
  if (!activity.conversation?.id || !activity.from?.id) {
    return { reason: 'activity without a conversation or sender refused', status: 400 };
  }
  const sender = activity.from.aadObjectId;
  if (typeof sender !== 'string' || sender === '') {
    return { reason: 'activity without the sender’s Entra object id (from.aadObjectId) refused', status: 400 };
  }
  return undefined;
}

/**
 * Runs before the Application: refuses other tenants, other channels and senders without an Entra object id, and
 * drops re-sent activities. Returns false to stop the turn.
 */
export async function passTurnGuards(context: TurnContext, deps: TurnGuardDeps): Promise<boolean> {
  const activity = context.activity;
  const refusal = refusalOf(context, deps.allowedTenantIds);
  if (refusal) {
    deps.log.warn(
      {
        tenantId: conversationOf(activity).tenantId,
        channelId: activity.channelId,
        activityId: activity.id,
        type: activity.type,
      },
      refusal.reason,
    );
    if (activity.type === 'invoke') {
      await context.sendActivity({ type: 'invokeResponse', value: { status: refusal.status } });
    }
    return false;
  }
  if (!activity.id || (activity.type !== 'message' && activity.type !== 'invoke')) return true;
  const at = activity.timestamp ? new Date(activity.timestamp) : new Date();
  const first = await deps.ledger.firstSeen(
    activity.conversation.id,
    activity.id,
    Number.isNaN(at.getTime()) ? new Date() : at,
  );
  if (first) return true;
  deps.log.info({ activityId: activity.id, type: activity.type }, 'duplicate activity ignored');
  if (activity.type === 'invoke') {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: DUPLICATE_INVOKE_BODY } });
  }
  return false;
}
