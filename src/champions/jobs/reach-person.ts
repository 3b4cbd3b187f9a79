import type { Messenger } from '../../bot/messenger.js';
import type { ConversationRef } from '../../bot/turn.js';

export interface Reachable {
  readonly personalReference?: ConversationRef;
  readonly teamReference?: ConversationRef;
  readonly channelUserId?: string;
}

/** The person's 1:1 chat with the bot: the stored one, or one created through a team they share with the bot. */
export async function personalChatOf(messenger: Messenger, who: Reachable): Promise<ConversationRef> {
  if (who.personalReference) return who.personalReference;
  if (who.teamReference && who.channelUserId) {
    return messenger.createPersonalConversation(who.teamReference, who.channelUserId);
  }
  throw new Error('no way to reach this person');
}

export function canReach(who: Reachable): boolean {
  return Boolean(who.personalReference || (who.teamReference && who.channelUserId));
}
