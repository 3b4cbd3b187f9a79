import type { Turn } from '../../bot/turn.js';
import { rememberPersonalChat } from '../../installations/handlers/remember-personal-chat.js';
import { buildListCard } from '../cards/list-card.js';
import { buildPositionCard } from '../cards/position-card.js';
import type { Pir } from '../domain/pir.js';
import { latestOpen, startDraft } from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { pirLists } from '../store/pir-lists.js';

/** A fresh draft at step 1, saved straight away. */
export async function createDraft(turn: Turn, deps: PirDeps): Promise<Pir> {
  const pir = startDraft(deps.newId(), { id: turn.actor.id, name: turn.actor.name }, deps.now());
  await deps.pirs.create(pir);
  await rememberPersonalChat(turn, deps);
  turn.log.info({ pirId: pir.id }, 'request started');
  return pir;
}

/** `new request` typed in a 1:1 chat. */
export async function startRequest(turn: Turn, deps: PirDeps): Promise<void> {
  await turn.say({
    card: buildPositionCard(await createDraft(turn, deps), await pirLists(deps)),
    summary: 'New Patient Involvement Request',
  });
}

/** `continue`: the most recently touched request that is open for editing, where the lead left it. */
export async function continueRequest(turn: Turn, deps: PirDeps): Promise<void> {
  const latest = latestOpen(await deps.pirs.listForLead(turn.actor.id));
  await turn.say(
    latest
      ? { card: buildPositionCard(latest, await pirLists(deps)), summary: 'Your request' }
      : 'You have no request in progress. Type **new request** to start one.',
  );
}

export async function listRequests(turn: Turn, deps: PirDeps): Promise<void> {
  await turn.say({ card: buildListCard(await deps.pirs.listForLead(turn.actor.id)), summary: 'Your requests' });
}
