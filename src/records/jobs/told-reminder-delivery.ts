import { tenantOf } from '../../bot/turn.js';
import type { DueWorkHandler } from '../../delivery/due-work-handler.js';
import type { InstallationStore } from '../../installations/store/installation-store.js';
import { toldReminderCard } from '../cards/told-reminder-card.js';
import { reminderKey, reminderStillDue, TOLD_REMINDER } from '../domain/told-reminder.js';
import type { RecordStore } from '../store/record-store.js';

export interface ToldReminderDeps {
  readonly records: Pick<RecordStore, 'get'>;
  readonly installations: Pick<InstallationStore, 'get'>;
}

/** One reminder to an item's author, a few working days after sign-off, if participants are not recorded as told. */
export function toldReminderHandler(deps: ToldReminderDeps): DueWorkHandler {
  return {
    kind: TOLD_REMINDER,
    async plan(work) {
      const key = reminderKey(work);
      const doc = key ? (await deps.records.get(key))?.value : undefined;
      if (!doc || !reminderStillDue(doc, work)) return { action: 'drop', reason: 'told, changed or not signed off' };
      const chat = await deps.installations.get('personal', doc.author.id);
      if (chat?.status !== 'installed') {
        return { action: 'skip', status: 'unreachable', detail: 'the author has no 1:1 chat with the bot' };
      }
      const reference = chat.reference;
      return {
        action: 'send',
        tenantId: tenantOf(reference),
        conversationKey: reference.conversation?.id ?? doc.author.id,
        async send(messenger) {
          const card = toldReminderCard(doc);
          const activityId = await messenger.send(reference, {
            card,
            summary: 'Were participants told what happened?',
          });
          return { conversation: reference, ...(activityId ? { activityId } : {}) };
        },
      };
    },
    async settle() {},
  };
}
