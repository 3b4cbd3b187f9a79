import { botText } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { rememberPersonalChat } from '../../installations/handlers/remember-personal-chat.js';
import { buildListCard } from '../cards/list-card.js';
import { buildPositionCard } from '../cards/position-card.js';
import type { Pir } from '../domain/pir.js';
import { isEmptyDraft, openRequests, startDraft } from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { pirLists } from '../store/pir-lists.js';

/**
 * A fresh draft at step 1, saved straight away; or the lead's draft that has nothing in it yet, so that pressing
 * "Start" on old cards (or twice) does not pile up empty "Untitled request" drafts.
 */
export async function createDraft(turn: Turn, deps: PirDeps): Promise<Pir> {
  const empty = (await deps.pirs.listForLead(turn.actor.id)).find(isEmptyDraft);
  if (empty) return empty;
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

/** `continue`: the one request open for editing, where the lead left it; with several, which one. */
export async function continueRequest(turn: Turn, deps: PirDeps): Promise<void> {
  const open = openRequests(await deps.pirs.listForLead(turn.actor.id));
  const [only] = open;
  if (!only) {
    await turn.say('You have no request in progress. Type **new request** to start one.');
    return;
  }
  await turn.say(
    open.length === 1
      ? { card: buildPositionCard(only, await pirLists(deps)), summary: 'Your request' }
      : { card: buildListCard(open, 'continue'), summary: 'Which request?' },
  );
}

export async function listRequests(turn: Turn, deps: PirDeps): Promise<void> {
  await turn.say({ card: buildListCard(await deps.pirs.listForLead(turn.actor.id)), summary: 'Your requests' });
}

/** `status` with no reference: in a 1:1 chat, the lead's submitted requests as buttons; elsewhere how to ask. */
export async function chooseStatus(turn: Turn, deps: PirDeps): Promise<void> {
  if (turn.conversation.kind !== 'personal') {
    await turn.say(STATUS_USAGE);
    return;
  }
  const pirs = await deps.pirs.listForLead(turn.actor.id);
  await turn.say({ card: buildListCard(pirs, 'status'), summary: 'Which request?' });
}

const STATUS_USAGE = botText(
  'Please give a reference like **status PIR-2026-0042**, or type **status** in our 1:1 chat to choose one of yours.',
);
