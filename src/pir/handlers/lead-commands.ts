import type { Turn } from '../../bot/turn.js';
import { buildListCard } from '../cards/list-card.js';
import { buildPositionCard } from '../cards/position-card.js';
import { buildStatusCard } from '../cards/status-card.js';
import { isEditable, type Pir } from '../domain/pir.js';
import { parseReference } from '../domain/pir-reference.js';
import { startDraft } from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { rememberPersonalChat } from './remember-personal-chat.js';

const PERSONAL_ONLY = "Let's do that in a 1:1 chat: open a chat with me and type **new request** there.";

async function personalOnly(turn: Turn): Promise<boolean> {
  if (turn.conversation.kind === 'personal') return false;
  await turn.say(PERSONAL_ONLY);
  return true;
}

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
  if (await personalOnly(turn)) return;
  const pir = await createDraft(turn, deps);
  await turn.say({ card: buildPositionCard(pir), summary: 'New Patient Involvement Request' });
}

/** `continue`: the most recently touched request that is open for editing, where the lead left it. */
export async function continueRequest(turn: Turn, deps: PirDeps): Promise<void> {
  if (await personalOnly(turn)) return;
  const open = (await deps.pirs.listForLead(turn.actor.id)).filter(isEditable);
  const latest = open.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (!latest) {
    await turn.say('You have no request in progress. Type **new request** to start one.');
    return;
  }
  await turn.say({ card: buildPositionCard(latest), summary: 'Your request' });
}

export async function listRequests(turn: Turn, deps: PirDeps): Promise<void> {
  if (await personalOnly(turn)) return;
  await turn.say({ card: buildListCard(await deps.pirs.listForLead(turn.actor.id)), summary: 'Your requests' });
}

/** `status PIR-2026-0042`: leads see their own, the PPI team sees any. Others learn nothing about it. */
export async function showStatus(turn: Turn, deps: PirDeps, referenceText: string): Promise<void> {
  const parsed = parseReference(referenceText);
  if (!parsed) {
    await turn.say('Please give a reference like **status PIR-2026-0042**. Type **my requests** to see yours.');
    return;
  }
  const pir = await deps.pirs.findByReference(referenceText);
  const allowed = pir && (pir.lead.id === turn.actor.id || (await deps.roles.isPpiTeam(turn.actor.id)));
  if (!pir || !allowed) {
    await turn.say(`I couldn't find a request ${referenceText.toUpperCase()} that you can see.`);
    return;
  }
  await turn.say({ card: buildStatusCard(pir, await deps.audit.list(pir.id)), summary: `${pir.reference} status` });
}
