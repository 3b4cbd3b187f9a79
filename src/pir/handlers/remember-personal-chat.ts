import type { Turn } from '../../bot/turn.js';
import type { PirDeps } from '../pir-deps.js';

/** Keeps the lead's 1:1 chat reference so decisions can reach them later. */
export async function rememberPersonalChat(turn: Turn, deps: Pick<PirDeps, 'installations' | 'now'>): Promise<void> {
  if (turn.conversation.kind !== 'personal') return;
  const existing = await deps.installations.get('personal', turn.actor.id);
  if (existing?.status === 'installed') return;
  const at = deps.now().toISOString();
  await deps.installations.markInstalled({
    scope: 'personal',
    key: turn.actor.id,
    conversation: turn.conversation,
    reference: turn.reference,
    status: 'installed',
    installedBy: turn.actor.id,
    installedAt: at,
    updatedAt: at,
  });
}
