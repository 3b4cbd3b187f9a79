import type { ConversationRef, OutgoingMessage } from './turn.js';

/** Proactive sends outside a turn (channel posts, personal notifications, nudges). */
export interface Messenger {
  /** Sends to a stored conversation; resolves to the new activity id. Errors carry an HTTP `statusCode`. */
  send(reference: ConversationRef, message: OutgoingMessage): Promise<string | undefined>;
  update(reference: ConversationRef, activityId: string, message: OutgoingMessage): Promise<void>;
  /** Creates (or finds) the 1:1 chat with a user, through a team's reference. */
  createPersonalConversation(teamReference: ConversationRef, channelUserId: string): Promise<ConversationRef>;
}

/** A proactive send the channel refused: the HTTP status and, when throttled, how long it asked us to wait. */
export class SendFailure extends Error {
  constructor(
    readonly statusCode: number | undefined,
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}
