import { botText, md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { buildPositionCard } from '../cards/position-card.js';
import { buildSubmittedCard } from '../cards/submitted-card.js';
import type { CardRef } from '../domain/card-ref.js';
import { type Pir, STATUS_LABELS } from '../domain/pir.js';
import { submitBlocker, submitted } from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { leadNotice, OUT_OF_DATE } from './lead-actions.js';
import { postAssessmentCard } from './post-assessment-card.js';
import { rememberPersonalChat } from './remember-personal-chat.js';

/** Why a submit from this card cannot go ahead, as the card to show; undefined when it can. */
function notReady(pir: Pir, ref: CardRef): AdaptiveCard | undefined {
  const blocker = submitBlocker(pir, ref);
  const as = pir.reference ? ` as ${pir.reference}` : '';
  if (blocker === 'not-editable') return leadNotice(md`Already submitted${as}. Status: ${STATUS_LABELS[pir.status]}.`);
  if (blocker === 'out-of-date') return buildPositionCard(pir, OUT_OF_DATE);
  if (blocker === 'incomplete') {
    return buildPositionCard(pir, botText('Some required answers are missing, so it was not submitted yet.'));
  }
  return undefined;
}

/** What follows a submission: the reference index, the audit trail, the lead's chat, the PPI team's card. */
async function recordSubmission(turn: Turn, deps: PirDeps, saved: Versioned<Pir>, action: string): Promise<boolean> {
  const { id, lead, reference = '' } = saved.value;
  await deps.pirs.indexReference(reference, lead.id, id);
  const actor = { id: turn.actor.id, name: turn.actor.name };
  await deps.audit.append(id, { at: deps.now().toISOString(), actor, action });
  await rememberPersonalChat(turn, deps);
  return postAssessmentCard(turn, deps, saved);
}

/** Submit (or resubmit) from the review card: reference, audit, the PPI team's card, a confirmation. */
export async function handleSubmit(turn: Turn, deps: PirDeps, ref: CardRef, loaded: Versioned<Pir>) {
  const pir = loaded.value;
  const refused = notReady(pir, ref);
  if (refused) return refused;
  const now = deps.now();
  const reference = pir.reference ?? (await deps.pirs.allocateReference(Number(now.toISOString().slice(0, 4))));
  const submit = existing<Pir>((c) => submitted(c, pir.revision, reference, now));
  const write = await deps.pirs.write(pir.lead.id, pir.id, submit, { from: loaded });
  if (write.status !== 'applied') {
    const latest = storedAfter(write)?.reference;
    return leadNotice(md`Already submitted${latest ? ` as ${latest}` : ''}.`);
  }
  const resubmission = pir.status === 'changes-requested';
  const posted = await recordSubmission(turn, deps, write.saved, resubmission ? 'Resubmitted' : 'Submitted');
  turn.log.info({ pirId: pir.id, reference, posted }, 'request submitted');
  return buildSubmittedCard(reference, resubmission, posted);
}
