import type { ConversationRef, OutgoingMessage } from '../../bot/turn.js';
import { tenantOf } from '../../bot/turn.js';
import type { DeliveryPlan } from '../../delivery/due-work-handler.js';

/** A plan that posts `message` to a stored conversation (a lead's 1:1 chat, the PPI team's channel), or skips it. */
export function postTo(
  reference: ConversationRef | undefined,
  message: OutgoingMessage,
  unreachable: string,
): DeliveryPlan {
  if (!reference) return { action: 'skip', status: 'unreachable', detail: unreachable };
  return {
    action: 'send',
    tenantId: tenantOf(reference),
    conversationKey: reference.conversation?.id ?? 'unknown',
    async send(messenger) {
      const activityId = await messenger.send(reference, message);
      return { conversation: reference, ...(activityId ? { activityId } : {}) };
    },
  };
}
