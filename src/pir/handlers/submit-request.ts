import type { CardActionResult, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { existing, storedAfter } from '../../storage/versioned.js';
import { buildPositionCard } from '../cards/position-card.js';
import { isEditable, STATUS_LABELS } from '../domain/pir.js';
import { incompleteSteps, submitPir } from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { parseCardRef } from './card-ref.js';
import { myRequestsButton, OUT_OF_DATE } from './lead-actions.js';
import { postAssessmentCard } from './post-assessment-card.js';
import { rememberPersonalChat } from './remember-personal-chat.js';

/** Submit (or resubmit) from the review card: reference, audit, the PPI team's card, a confirmation. */
export async function handleSubmit(
  turn: Turn,
  deps: PirDeps,
  data: Readonly<Record<string, unknown>>,
): Promise<CardActionResult> {
  const ref = parseCardRef(data);
  const loaded = ref ? await deps.pirs.get(turn.actor.id, ref.pirId) : undefined;
  const pir = loaded?.value;
  if (!ref || !loaded || !pir)
    return { card: buildNoticeCard({ text: "I couldn't find that request.", buttons: [myRequestsButton] }) };
  if (!isEditable(pir)) {
    return {
      card: buildNoticeCard({
        text: `Already submitted${pir.reference ? ` as ${pir.reference}` : ''}. Status: ${STATUS_LABELS[pir.status]}.`,
        buttons: [myRequestsButton],
      }),
    };
  }
  if (ref.revision !== pir.revision || pir.position !== 'review') return { card: buildPositionCard(pir, OUT_OF_DATE) };
  if (incompleteSteps(pir.answers).length > 0) {
    return { card: buildPositionCard(pir, 'Some required answers are missing, so it was not submitted yet.') };
  }
  const resubmission = pir.status === 'changes-requested';
  const now = deps.now();
  const reference = pir.reference ?? (await deps.pirs.allocateReference(Number(now.toISOString().slice(0, 4))));
  const write = await deps.pirs.write(
    pir.lead.id,
    pir.id,
    existing((c) => (c.revision === pir.revision && isEditable(c) ? submitPir(c, reference, now) : undefined)),
    { from: loaded },
  );
  if (write.status !== 'applied') {
    const latest = storedAfter(write);
    return {
      card: buildNoticeCard({
        text: `Already submitted${latest?.reference ? ` as ${latest.reference}` : ''}.`,
        buttons: [myRequestsButton],
      }),
    };
  }
  await deps.pirs.indexReference(reference, pir.lead.id, pir.id);
  await deps.audit.append(pir.id, {
    at: now.toISOString(),
    actor: { id: turn.actor.id, name: turn.actor.name },
    action: resubmission ? 'Resubmitted' : 'Submitted',
  });
  await rememberPersonalChat(turn, deps);
  const posted = await postAssessmentCard(turn, deps, write.saved);
  turn.log.info({ pirId: pir.id, reference, posted }, 'request submitted');
  return {
    card: buildNoticeCard({
      title: `${resubmission ? 'Resubmitted' : 'Submitted'}: ${reference}`,
      text: posted
        ? `Thank you. The PPI team has your request ${reference} and will assess it. I'll message you here with the outcome.`
        : `Thank you. Your request ${reference} is submitted. The PPI team's channel isn't set up yet, so the PPI team will need to look it up with **status ${reference}**; I'll message you here with the outcome.`,
      buttons: [myRequestsButton],
    }),
  };
}
