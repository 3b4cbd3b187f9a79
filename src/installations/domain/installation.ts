import type { ConversationInfo, ConversationRef, Turn } from '../../bot/turn.js';

export type InstallationScope = 'personal' | 'team' | 'groupChat';

/** Where the bot is installed, with the reference needed to message that place later. Never deleted: marked. */
export interface Installation {
  readonly scope: InstallationScope;
  /** personal: the user's id; team: the team id; groupChat: the conversation id. */
  readonly key: string;
  readonly conversation: ConversationInfo;
  readonly reference: ConversationRef;
  readonly status: 'installed' | 'uninstalled';
  readonly installedBy: string;
  readonly installedAt: string;
  readonly updatedAt: string;
}

export function scopeOf(conversation: ConversationInfo): InstallationScope {
  if (conversation.kind === 'personal') return 'personal';
  return conversation.teamId ? 'team' : 'groupChat';
}

export function installationKey(conversation: ConversationInfo, actorId: string): string {
  const scope = scopeOf(conversation);
  if (scope === 'personal') return actorId;
  if (scope === 'team') return conversation.teamId ?? conversation.id;
  return conversation.id;
}

/** The installation a turn shows: where it happened, who was there, and the reference to message that place. */
export function installationFrom(turn: Pick<Turn, 'conversation' | 'actor' | 'reference'>, at: string): Installation {
  return {
    scope: scopeOf(turn.conversation),
    key: installationKey(turn.conversation, turn.actor.id),
    conversation: turn.conversation,
    reference: turn.reference,
    status: 'installed',
    installedBy: turn.actor.id,
    installedAt: at,
    updatedAt: at,
  };
}
