import type { ConversationRef } from '../../bot/turn.js';
import type { InstallationStore } from '../../installations/store/installation-store.js';
import type { PpiTeamStore } from '../../ppi-team/store/ppi-team-store.js';
import type { TrustListStore } from '../../trust-lists/store/trust-list-store.js';
import type { CheckInSettings } from '../domain/lifecycle-work.js';
import type { ProjectWriteDeps } from '../store/apply-project-change.js';

/** What the lifecycle's delivery handlers need: the stores they write, and where people are reached. */
export interface LifecycleJobDeps extends ProjectWriteDeps {
  readonly installations: Pick<InstallationStore, 'get'>;
  readonly ppiTeam: Pick<PpiTeamStore, 'getChannel'>;
  readonly settings: CheckInSettings;
  /** The directorates' names as the Trust's list has them now (the close-out review card). */
  readonly directorates: Pick<TrustListStore, 'entries'>;
}

/** The lead's 1:1 chat with the bot, if they have one. */
export async function leadChat(deps: LifecycleJobDeps, leadId: string): Promise<ConversationRef | undefined> {
  const chat = await deps.installations.get('personal', leadId);
  return chat?.status === 'installed' ? chat.reference : undefined;
}

export async function ppiChannel(deps: LifecycleJobDeps): Promise<ConversationRef | undefined> {
  return (await deps.ppiTeam.getChannel())?.reference;
}
