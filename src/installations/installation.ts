import type { ConversationInfo, ConversationRef } from '../bot/turn.js';

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
