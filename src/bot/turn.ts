import type { Logger } from '../logger.js';

/** SDK-agnostic view of one incoming activity. Features depend on this, never on botbuilder or teams-ai. */

/** The name an Actor carries when Teams did not send one (install events usually don't). */
export const UNKNOWN_NAME = 'Someone';

export interface Actor {
  /** Entra object id (`from.aadObjectId`), the only identity roles are checked against; '' for an unresolved @mention. */
  readonly id: string;
  readonly name: string;
  /** Bot Framework user id (29:…), needed to mention or message the person. */
  readonly channelUserId?: string;
}

export interface ConversationInfo {
  readonly kind: 'personal' | 'channel' | 'groupChat';
  readonly id: string;
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly channelId?: string;
}

/** A serialisable conversation reference, stored for proactive messages. */
export type ConversationRef = Readonly<Record<string, unknown>> & {
  readonly serviceUrl?: string;
  readonly conversation?: { readonly id: string; readonly tenantId?: string };
};

/** The tenant a stored conversation belongs to (per-tenant send limits); 'default' when Teams did not say. */
export function tenantOf(reference: ConversationRef | undefined): string {
  const tenantId = reference?.conversation?.tenantId;
  return typeof tenantId === 'string' && tenantId !== '' ? tenantId : 'default';
}

export type AdaptiveCard = Readonly<Record<string, unknown>> & { readonly type: 'AdaptiveCard' };

export type OutgoingMessage = string | { readonly card: AdaptiveCard; readonly summary?: string };

/** What is done to every card on its way out (CARD_ACTIONS=submit: src/cards/submit-actions.ts). */
export type OutgoingCards = (card: AdaptiveCard) => AdaptiveCard;

export const CARDS_AS_BUILT: OutgoingCards = (card) => card;

export function prepareMessage(message: OutgoingMessage, outgoing: OutgoingCards): OutgoingMessage {
  return typeof message === 'string' ? message : { ...message, card: outgoing(message.card) };
}

export interface Turn {
  readonly actor: Actor;
  readonly conversation: ConversationInfo;
  readonly reference: ConversationRef;
  /** In a channel: a reference to the channel itself, for new top-level posts (not replies in this thread). */
  readonly channelReference?: ConversationRef;
  /** Message text with the bot's @mention removed, trimmed. */
  readonly text: string;
  /** People @mentioned in the message (the bot excluded). */
  readonly mentions: readonly Actor[];
  /** Id of the card message a card action came from, when known. */
  readonly replyToId?: string;
  readonly correlationId: string;
  readonly log: Logger;
  say(message: OutgoingMessage): Promise<string | undefined>;
  update(activityId: string, message: OutgoingMessage): Promise<void>;
  /** Resolves a conversation member (e.g. someone @mentioned) to their Entra identity. */
  lookupMember(channelUserId: string): Promise<Actor | undefined>;
}
