import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { type AssessmentCardOptions, buildAssessmentCard } from '../cards/assessment-card.js';
import { buildDecisionCard } from '../cards/decision-card.js';
import type { CardSubmission } from '../domain/card-ref.js';
import { assignForm, DECISION_FORM, decisionDetails } from '../domain/decision-form.js';
import type { Person, Pir } from '../domain/pir.js';
import {
  assign,
  DECISION_LABELS,
  type Decision,
  decide,
  isAwaitingAssessment,
  isDecision,
} from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { activeMembers } from './post-assessment-card.js';

/** A request on the PPI team's card, and who can be assigned to it. */
export interface Assessed {
  readonly loaded: Versioned<Pir>;
  readonly members: readonly Person[];
}

export function loadAssessed(deps: PirDeps) {
  return async (_turn: Turn, { ref }: { ref: { leadId: string; pirId: string } }): Promise<Assessed | Answer> => {
    const [loaded, members] = await Promise.all([deps.pirs.get(ref.leadId, ref.pirId), activeMembers(deps)]);
    return loaded ? { loaded, members } : answer("I couldn't find that request: the card may be out of date.");
  };
}

/** The assessment card, with a sentence above it (a refusal, a problem, or who decided first). */
export function assessmentCard(item: Assessed, pir: Pir, options: Omit<AssessmentCardOptions, 'members'> = {}) {
  return buildAssessmentCard(pir, { members: item.members, ...options });
}

/** Updates the channel card for everyone, not just the person who clicked. */
async function refreshChannelCard(turn: Turn, deps: PirDeps, item: Assessed, pir: Pir): Promise<void> {
  const channel = await deps.ppiTeam.getChannel();
  if (!channel || !pir.assessmentCardId) return;
  try {
    await deps.messenger.update(channel.reference, pir.assessmentCardId, { card: assessmentCard(item, pir) });
  } catch (error) {
    turn.log.warn({ err: error, pirId: pir.id }, 'could not update the assessment card in place');
  }
}

async function notifyLead(turn: Turn, deps: PirDeps, pir: Pir): Promise<void> {
  const chat = await deps.installations.get('personal', pir.lead.id);
  if (chat?.status !== 'installed') {
    turn.log.warn({ pirId: pir.id }, 'lead has no personal chat with the bot: decision not delivered');
    return;
  }
  try {
    await deps.messenger.send(chat.reference, {
      card: buildDecisionCard(pir),
      summary: `${pir.reference}: ${pir.status}`,
    });
  } catch (error) {
    turn.log.warn({ err: error, pirId: pir.id }, 'could not message the lead');
  }
}

/** Accept, accept with conditions, request changes or decline. The first decision wins; later clicks are told. */
export async function handleDecide(
  turn: Turn,
  deps: PirDeps,
  { inputs }: CardSubmission,
  item: Assessed,
): Promise<AdaptiveCard> {
  const loaded = item.loaded.value;
  const decision = inputs.decision;
  if (!isDecision(decision)) return assessmentCard(item, loaded, { notice: 'That button is out of date.' });
  if (!isAwaitingAssessment(loaded)) {
    return assessmentCard(item, loaded, { notice: 'This request has already been decided.' });
  }
  const read = readForm(DECISION_FORM, inputs, { known: { decision } });
  if (!read.ok) {
    const typed = typedOnForm(DECISION_FORM, inputs);
    return assessmentCard(item, loaded, { notice: read.message, errors: read.errors, typed });
  }
  const by: Person = { id: turn.actor.id, name: turn.actor.name };
  const details = decisionDetails(read.values);
  const now = deps.now();
  const write = await deps.pirs.write(
    loaded.lead.id,
    loaded.id,
    existing((c) =>
      isAwaitingAssessment(c) && c.reference === loaded.reference ? decide(c, decision, by, details, now) : undefined,
    ),
    { from: item.loaded },
  );
  if (write.status !== 'applied') {
    const latest = storedAfter(write) ?? loaded;
    return assessmentCard(item, latest, {
      notice: `${latest.assessment.decidedBy?.name ?? 'Someone'} decided this first, so your decision was not recorded.`,
    });
  }
  await recordDecision(turn, deps, item, write.saved.value, decision, details.comment ?? '');
  return assessmentCard(item, write.saved.value);
}

async function recordDecision(
  turn: Turn,
  deps: PirDeps,
  item: Assessed,
  pir: Pir,
  decision: Decision,
  comment: string,
): Promise<void> {
  await deps.audit.append(pir.id, {
    at: deps.now().toISOString(),
    actor: { id: turn.actor.id, name: turn.actor.name },
    action: DECISION_LABELS[decision],
    ...(comment ? { comment } : {}),
  });
  turn.log.info({ pirId: pir.id, decision }, 'request decided');
  await refreshChannelCard(turn, deps, item, pir);
  await notifyLead(turn, deps, pir);
}

/** Assign to me, or to the member chosen on the card. */
export async function handleAssign(
  turn: Turn,
  deps: PirDeps,
  { inputs }: CardSubmission,
  item: Assessed,
  toSelf: boolean,
): Promise<AdaptiveCard> {
  const loaded = item.loaded.value;
  if (!isAwaitingAssessment(loaded)) {
    return assessmentCard(item, loaded, { notice: 'This request has already been decided.' });
  }
  const chosen = readForm(assignForm(item.members), inputs);
  const person = toSelf
    ? { id: turn.actor.id, name: turn.actor.name }
    : item.members.find((m) => chosen.ok && m.id === chosen.values.assigneeId);
  if (!person) return assessmentCard(item, loaded, { notice: 'Please choose a PPI team member to assign it to.' });
  const now = deps.now();
  const write = await deps.pirs.write(
    loaded.lead.id,
    loaded.id,
    existing((c) => (isAwaitingAssessment(c) ? assign(c, person, now) : undefined)),
    { from: item.loaded },
  );
  if (write.status !== 'applied') {
    return assessmentCard(item, storedAfter(write) ?? loaded, { notice: 'This request has already been decided.' });
  }
  const pir = write.saved.value;
  await deps.audit.append(pir.id, {
    at: now.toISOString(),
    actor: { id: turn.actor.id, name: turn.actor.name },
    action: `Assigned to ${person.name}`,
  });
  await refreshChannelCard(turn, deps, item, pir);
  return assessmentCard(item, pir);
}
