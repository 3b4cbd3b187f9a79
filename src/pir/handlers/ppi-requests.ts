import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { buildRequestsCard } from '../cards/requests-card.js';
import { ppiQueueOf } from '../domain/ppi-queue.js';
import type { PirDeps } from '../pir-deps.js';

/** The PPI team's queue (the `requests` command and its Refresh button): one read of the queue index. */
export async function ppiRequestsCard(turn: Turn, deps: PirDeps): Promise<AdaptiveCard> {
  const [open, directorates] = await Promise.all([deps.pirs.listOpen(), deps.lists.directorates.entries()]);
  return buildRequestsCard(ppiQueueOf(open, turn.actor.id), directorates);
}

/** `requests` (PPI team): what is waiting, with a button to open each request's assessment card. */
export async function listPpiRequests(turn: Turn, deps: PirDeps): Promise<void> {
  await turn.say({ card: await ppiRequestsCard(turn, deps), summary: 'Requests waiting' });
}
