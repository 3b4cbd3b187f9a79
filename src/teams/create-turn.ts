import { randomUUID } from 'node:crypto';
import { type Activity, TeamsInfo, TurnContext } from 'botbuilder';
import {
  type Actor,
  CARDS_AS_BUILT,
  type ConversationInfo,
  type ConversationRef,
  type OutgoingCards,
  prepareMessage,
  type Turn,
  UNKNOWN_NAME,
} from '../bot/turn.js';
import type { Logger } from '../logger.js';
import { toActivity } from './to-activity.js';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string };
}

/**
 * The person as the bot knows them: their Entra object id (`aadObjectId`) and nothing else, never the channel user id
 * (`from.id`), which a Web Chat client chooses freely. Empty when Teams sent none (an @mention: resolve it with
 * `lookupMember`); the turn guards refuse an activity whose sender has none.
 */
export function actorOf(from: Activity['from'] | undefined): Actor {
  return {
    id: typeof from?.aadObjectId === 'string' ? from.aadObjectId : '',
    name: from?.name || UNKNOWN_NAME,
    ...(from?.id ? { channelUserId: from.id } : {}),
  };
}

export function conversationOf(activity: Activity): ConversationInfo {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const type = activity.conversation?.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const tenantId = data.tenant?.id ?? activity.conversation?.tenantId;
  return {
    kind,
    id: activity.conversation?.id ?? 'unknown',
    ...(tenantId ? { tenantId } : {}),
    ...(data.team?.id ? { teamId: data.team.id } : {}),
    ...(data.team?.name ? { teamName: data.team.name } : {}),
    ...(data.channel?.id ? { channelId: data.channel.id } : {}),
  };
}

function mentionsOf(activity: Activity): Actor[] {
  const botId = activity.recipient?.id;
  const mentions: Actor[] = [];
  for (const entity of activity.entities ?? []) {
    const mentioned = (entity as { type?: string; mentioned?: Activity['from'] }).mentioned;
    if (entity.type !== 'mention' || !mentioned?.id || mentioned.id === botId) continue;
    mentions.push(actorOf(mentioned));
  }
  return mentions;
}

/** Text without the bot's mention; other people's `<at>Name</at>` become `@Name`. */
export function cleanText(activity: Activity): string {
  const raw = typeof activity.text === 'string' ? activity.text : '';
  return raw
    .replace(/<at>([^<]{0,200})<\/at>/g, (_, name: string) => `@${name}`)
    .replace(/\s+/g, ' ')
    .trim();
}

export type MemberLookup = (context: TurnContext, channelUserId: string) => Promise<Actor | undefined>;

/** Teams roster lookup: the member's Entra id; undefined when they are not in this conversation. */
export const teamsMemberLookup: MemberLookup = async (context, channelUserId) => {
  try {
    const member = await TeamsInfo.getMember(context, channelUserId);
    if (!member.aadObjectId) return undefined; // not a person of the tenant (a bot, a guest without an Entra id)
    return actorOf({ id: member.id, name: member.name, aadObjectId: member.aadObjectId });
  } catch {
    return undefined; // not a member of this conversation: the caller tells the user so
  }
};

/** A copy of the reference whose conversation is the channel (Teams threads a reply under `;messageid=`). */
function channelReferenceOf(reference: ConversationRef, channelId: string | undefined): ConversationRef | undefined {
  if (!channelId) return undefined;
  const conversation = { ...(reference.conversation ?? {}), id: channelId };
  return { ...reference, conversation, activityId: undefined } as ConversationRef;
}

export function createTurn(
  context: TurnContext,
  log: Logger,
  lookup: MemberLookup = teamsMemberLookup,
  outgoing: OutgoingCards = CARDS_AS_BUILT,
): Turn {
  const activity = context.activity;
  const correlationId = randomUUID().slice(0, 8);
  const conversation = conversationOf(activity);
  const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as ConversationRef;
  const channelReference = channelReferenceOf(reference, conversation.channelId);
  return {
    actor: actorOf(activity.from),
    conversation,
    reference,
    ...(channelReference ? { channelReference } : {}),
    text: cleanText(activity),
    mentions: mentionsOf(activity),
    ...(activity.replyToId ? { replyToId: activity.replyToId } : {}),
    correlationId,
    log: log.child({ correlationId, activityId: activity.id, type: activity.type }),
    async say(message) {
      const response = await context.sendActivity(toActivity(prepareMessage(message, outgoing)));
      return response?.id;
    },
    async update(activityId, message) {
      await context.updateActivity({ ...toActivity(prepareMessage(message, outgoing)), id: activityId });
    },
    lookupMember: (channelUserId) => lookup(context, channelUserId),
  };
}
