import type { Messenger } from '../../src/bot/messenger.js';
import type { ConversationRef, OutgoingMessage } from '../../src/bot/turn.js';

export interface RecordedSend {
  readonly conversationId: string;
  readonly message: OutgoingMessage;
  readonly activityId: string;
}

/** A Messenger that records proactive sends instead of calling a Bot Connector. */
export class RecordingMessenger implements Messenger {
  readonly sent: RecordedSend[] = [];
  readonly updates: { conversationId: string; activityId: string; message: OutgoingMessage }[] = [];
  private next = 1;

  async send(reference: ConversationRef, message: OutgoingMessage): Promise<string> {
    const activityId = `proactive-${this.next++}`;
    this.sent.push({ conversationId: reference.conversation?.id ?? '?', message, activityId });
    return activityId;
  }

  async update(reference: ConversationRef, activityId: string, message: OutgoingMessage): Promise<void> {
    this.updates.push({ conversationId: reference.conversation?.id ?? '?', activityId, message });
  }

  async createPersonalConversation(_team: ConversationRef, channelUserId: string): Promise<ConversationRef> {
    return { serviceUrl: 'https://test.invalid/', conversation: { id: `personal-${channelUserId}` } };
  }

  sentTo(conversationId: string): RecordedSend[] {
    return this.sent.filter((s) => s.conversationId === conversationId);
  }
}
