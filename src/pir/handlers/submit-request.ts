import { botText, md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { wasDelivered } from '../../delivery/outbox.js';
import { rememberPersonalChat } from '../../installations/handlers/remember-personal-chat.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { buildPositionCard } from '../cards/position-card.js';
import { buildSubmittedCard } from '../cards/submitted-card.js';
import type { CardRef } from '../domain/card-ref.js';
import { type Pir, STATUS_LABELS } from '../domain/pir.js';
import { cardWork } from '../domain/pir-notices.js';
import { nextSubmission, submitBlocker, submitted } from '../domain/pir-transitions.js';
import type { PirLists } from '../domain/step-fields.js';
import type { PirDeps } from '../pir-deps.js';
import { pirLists } from '../store/pir-lists.js';
import { leadNotice, OUT_OF_DATE } from './lead-actions.js';

/** Why a submit from this card cannot go ahead, as the card to show; undefined when it can. */
function notReady(pir: Pir, ref: CardRef, lists: PirLists): AdaptiveCard | undefined {
  const blocker = submitBlocker(pir, ref);
  const as = pir.reference ? ` as ${pir.reference}` : '';
  if (blocker === 'not-editable') return leadNotice(md`Already submitted${as}. Status: ${STATUS_LABELS[pir.status]}.`);
  if (blocker === 'out-of-date') return buildPositionCard(pir, lists, OUT_OF_DATE);
  if (blocker === 'incomplete') {
    return buildPositionCard(pir, lists, botText('Some required answers are missing, so it was not submitted yet.'));
  }
  return undefined;
}

/** What follows a submission: the reference index, the audit trail, the lead's chat for the decision notice. */
async function recordSubmission(turn: Turn, deps: PirDeps, saved: Versioned<Pir>, action: string, at: Date) {
  const { id, lead, reference = '' } = saved.value;
  await deps.pirs.indexReference(reference, lead.id, id);
  const actor = { id: turn.actor.id, name: turn.actor.name };
  await deps.audit.append(id, { at: at.toISOString(), actor, action });
  await rememberPersonalChat(turn, deps);
}

/**
 * Submit (or resubmit) from the review card. The PPI team's card is written to the outbox first, with the request put
 * on their queue, then the submission is saved and the card sent at once: a failed or slow post, no channel yet, or
 * a crash in between leaves it due, and it is posted by the `notices` job. The lead is never asked to submit again.
 */
export async function handleSubmit(turn: Turn, deps: PirDeps, ref: CardRef, loaded: Versioned<Pir>) {
  const pir = loaded.value;
  const lists = await pirLists(deps);
  const refused = notReady(pir, ref, lists);
  if (refused) return refused;
  const now = deps.now();
  const reference = pir.reference ?? (await deps.pirs.allocateReference(Number(now.toISOString().slice(0, 4))));
  const submission = nextSubmission(pir);
  const card = cardWork(pir, submission, now);
  await Promise.all([deps.outbox.add(card), deps.pirs.markOpen(pir.lead.id, pir.id)]);
  const submit = existing<Pir>((c) => submitted(c, pir.revision, reference, now, lists));
  const write = await deps.pirs.write(pir.lead.id, pir.id, submit, { from: loaded });
  if (write.status !== 'applied') {
    const latest = storedAfter(write)?.reference;
    return leadNotice(md`Already submitted${latest ? ` as ${latest}` : ''}.`);
  }
  try {
    await recordSubmission(turn, deps, write.saved, submission > 1 ? 'Resubmitted' : 'Submitted', now);
  } catch (error) {
    // The submission is saved and its card is due: the lead is told so, not that nothing was saved.
    turn.log.error({ err: error, pirId: pir.id }, 'submitted, but its audit entry or reference index was not written');
  }
  const posted = wasDelivered(await deps.outbox.sendSoon(card));
  turn.log.info({ pirId: pir.id, reference, submission, posted }, 'request submitted');
  return buildSubmittedCard(reference, submission, posted);
}
