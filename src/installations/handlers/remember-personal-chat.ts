import type { Turn } from '../../bot/turn.js';
import { installationFrom } from '../domain/installation.js';
import type { InstallationStore } from '../store/installation-store.js';

/** Keeps the person's 1:1 chat reference, so notices (a decision, a sign-off) can reach them later. */
export async function rememberPersonalChat(
  turn: Turn,
  deps: { readonly installations: InstallationStore; readonly now: () => Date },
): Promise<void> {
  if (turn.conversation.kind !== 'personal') return;
  const existing = await deps.installations.get('personal', turn.actor.id);
  if (existing?.status === 'installed') return;
  await deps.installations.markInstalled(installationFrom(turn, deps.now().toISOString()));
}
