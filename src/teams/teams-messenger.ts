import type { CloudAdapter } from 'botbuilder';
import { type ConversationReference, TurnContext } from 'botbuilder';
import type { Messenger } from '../bot/messenger.js';
import type { ConversationRef } from '../bot/turn.js';
import { toActivity } from './to-activity.js';

/** Proactive messages through the adapter (continueConversationAsync / createConversationAsync). */
export function createTeamsMessenger(adapter: CloudAdapter, botAppId: string): Messenger {
  const asReference = (ref: ConversationRef) => ref as unknown as Partial<ConversationReference>;
  return {
    async send(reference, message) {
      let id: string | undefined;
      await adapter.continueConversationAsync(botAppId, asReference(reference), async (context) => {
        id = (await context.sendActivity(toActivity(message)))?.id;
      });
      return id;
    },
    async update(reference, activityId, message) {
      await adapter.continueConversationAsync(botAppId, asReference(reference), async (context) => {
        await context.updateActivity({ ...toActivity(message), id: activityId });
      });
    },
    async createPersonalConversation(teamReference, channelUserId) {
      const ref = asReference(teamReference);
      const tenantId = (ref.conversation as { tenantId?: string } | undefined)?.tenantId;
      let created: ConversationRef | undefined;
      await adapter.createConversationAsync(
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
      );
      if (!created) throw new Error('Teams did not return a conversation for that user.');
      return created;
    },
  };
}
