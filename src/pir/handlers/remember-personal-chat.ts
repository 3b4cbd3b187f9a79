import type { Turn } from '../../bot/turn.js';
import { installationFrom } from '../../installations/domain/installation.js';
import type { PirDeps } from '../pir-deps.js';

/** Keeps the lead's 1:1 chat reference so decisions can reach them later. */
export async function rememberPersonalChat(turn: Turn, deps: Pick<PirDeps, 'installations' | 'now'>): Promise<void> {
  if (turn.conversation.kind !== 'personal') return;
  const existing = await deps.installations.get('personal', turn.actor.id);
  if (existing?.status === 'installed') return;
  await deps.installations.markInstalled(installationFrom(turn, deps.now().toISOString()));
}
