import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { buildPositionCard } from '../cards/position-card.js';
import { type CardRef, checkLeadCard } from '../domain/card-ref.js';
import { isEditable, type Pir, STATUS_LABELS } from '../domain/pir.js';
import { incompleteSteps, submitPir } from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { leadNotice, myRequestsButton, OUT_OF_DATE } from './lead-actions.js';
import { postAssessmentCard } from './post-assessment-card.js';
import { rememberPersonalChat } from './remember-personal-chat.js';

/** Why a submit from this card cannot go ahead, as the card to show; undefined when it can. */
function notReady(pir: Pir, ref: CardRef): AdaptiveCard | undefined {
  const check = checkLeadCard(pir, { ...ref, position: 'review' });
  const as = pir.reference ? ` as ${pir.reference}` : '';
  if (check === 'not-editable') return leadNotice(`Already submitted${as}. Status: ${STATUS_LABELS[pir.status]}.`);
  if (check === 'out-of-date') return buildPositionCard(pir, OUT_OF_DATE);
  if (incompleteSteps(pir.answers).length === 0) return undefined;
  return buildPositionCard(pir, 'Some required answers are missing, so it was not submitted yet.');
}

/** Submit (or resubmit) from the review card: reference, audit, the PPI team's card, a confirmation. */
export async function handleSubmit(
  turn: Turn,
  deps: PirDeps,
  ref: CardRef,
  loaded: Versioned<Pir>,
): Promise<AdaptiveCard> {
  const pir = loaded.value;
  const refused = notReady(pir, ref);
  if (refused) return refused;
  const now = deps.now();
  const reference = pir.reference ?? (await deps.pirs.allocateReference(Number(now.toISOString().slice(0, 4))));
  const submit = existing<Pir>((c) =>
    c.revision === pir.revision && isEditable(c) ? submitPir(c, reference, now) : undefined,
  );
  const write = await deps.pirs.write(pir.lead.id, pir.id, submit, { from: loaded });
  if (write.status !== 'applied') {
    const latest = storedAfter(write)?.reference;
    return leadNotice(`Already submitted${latest ? ` as ${latest}` : ''}.`);
  }
  const resubmission = pir.status === 'changes-requested';
  await deps.pirs.indexReference(reference, pir.lead.id, pir.id);
  const action = resubmission ? 'Resubmitted' : 'Submitted';
  await deps.audit.append(pir.id, {
    at: now.toISOString(),
    actor: { id: turn.actor.id, name: turn.actor.name },
    action,
  });
  await rememberPersonalChat(turn, deps);
  const posted = await postAssessmentCard(turn, deps, write.saved);
  turn.log.info({ pirId: pir.id, reference, posted }, 'request submitted');
  return buildNoticeCard({
    title: `${action}: ${reference}`,
    text: posted
      ? `Thank you. The PPI team has your request ${reference} and will assess it. I'll message you here with the outcome.`
      : `Thank you. Your request ${reference} is submitted. The PPI team's channel isn't set up yet, so the PPI team will need to look it up with **status ${reference}**; I'll message you here with the outcome.`,
    buttons: [myRequestsButton],
  });
}
