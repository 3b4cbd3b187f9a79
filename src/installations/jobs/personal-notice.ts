import { type OutgoingMessage, tenantOf } from '../../bot/turn.js';
import type { DeliveryPlan } from '../../delivery/due-work-handler.js';
import type { InstallationStore } from '../store/installation-store.js';

/**
 * A notice to someone's 1:1 chat with the bot (a decision for a lead, a sign-off for an author): sent through the
 * delivery engine, or recorded as unreachable when they have no chat with the bot (never installed, or removed it).
 */
export async function personalNoticePlan(
  installations: Pick<InstallationStore, 'get'>,
  personId: string,
  message: OutgoingMessage,
): Promise<DeliveryPlan> {
  const chat = await installations.get('personal', personId);
  if (chat?.status !== 'installed') {
    return { action: 'skip', status: 'unreachable', detail: 'no 1:1 chat with the bot' };
  }
  return {
    action: 'send',
    tenantId: tenantOf(chat.reference),
    conversationKey: chat.reference.conversation?.id ?? `person:${personId}`,
    async send(messenger) {
      const activityId = await messenger.send(chat.reference, message);
      return { conversation: chat.reference, ...(activityId ? { activityId } : {}) };
    },
  };
}
