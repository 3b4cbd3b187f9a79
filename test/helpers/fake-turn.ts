import type { ConversationInfo, OutgoingMessage, Turn } from '../../src/bot/turn.js';
import { createLogger } from '../../src/logger.js';

/** A turn as the router sees it (plain data, for the router's own unit tests), recording what it says. */
export function fakeTurn(
  actorId: string,
  conversation: ConversationInfo,
  text = 'go',
): Turn & { said: OutgoingMessage[] } {
  const said: OutgoingMessage[] = [];
  const inChannel = conversation.kind === 'channel' && conversation.channelId;
  return {
    actor: { id: actorId, name: actorId },
    conversation,
    reference: { conversation: { id: conversation.id } },
    ...(inChannel ? { channelReference: { conversation: { id: conversation.channelId ?? '' } } } : {}),
    text,
    mentions: [],
    correlationId: 'c',
    log: createLogger({ level: 'silent', format: 'json' }),
    said,
    async say(message) {
      said.push(message);
      return undefined;
    },
    async update() {},
    async lookupMember() {
      return undefined;
    },
  };
}
