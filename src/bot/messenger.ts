import { type ConversationRef, type OutgoingCards, type OutgoingMessage, prepareMessage } from './turn.js';

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

/** The messenger with `outgoing` applied to every card it sends or updates. */
export function withOutgoingCards(messenger: Messenger, outgoing: OutgoingCards): Messenger {
  return {
    send: (reference, message) => messenger.send(reference, prepareMessage(message, outgoing)),
    update: (reference, activityId, message) =>
      messenger.update(reference, activityId, prepareMessage(message, outgoing)),
    createPersonalConversation: (teamReference, channelUserId) =>
      messenger.createPersonalConversation(teamReference, channelUserId),
  };
}
