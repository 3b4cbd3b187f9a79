import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { ActivityLedger } from '../storage/activity-ledger.js';
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

/** Runs before the Application: refuses other tenants and drops re-sent activities. Returns false to stop the turn. */
export async function passTurnGuards(context: TurnContext, deps: TurnGuardDeps): Promise<boolean> {
  const activity = context.activity;
  const tenantId = conversationOf(activity).tenantId;
  if (deps.allowedTenantIds.length > 0 && (!tenantId || !deps.allowedTenantIds.includes(tenantId))) {
    deps.log.warn(
      { tenantId, activityId: activity.id, type: activity.type },
      'activity from a tenant not on ALLOWED_TENANT_IDS refused',
    );
    return false;
  }
  if (!activity.conversation?.id || !activity.from?.id) {
    deps.log.warn(
      { activityId: activity.id, type: activity.type },
      'activity without a conversation or sender refused',
    );
    if (activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 400 } });
    return false;
  }
  if (!activity.id || (activity.type !== 'message' && activity.type !== 'invoke')) return true;
  const at = activity.timestamp ? new Date(activity.timestamp) : new Date();
  const first = await deps.ledger.firstSeen(
    activity.conversation?.id ?? 'unknown',
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
