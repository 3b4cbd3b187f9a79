import { botText, plain } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { type AssessmentCardOptions, buildAssessmentCard } from '../cards/assessment-card.js';
import { buildDecisionCard } from '../cards/decision-card.js';
import {
  ALREADY_DECIDED,
  assigned,
  assigneeOf,
  decided,
  decidedFirstNotice,
  decisionRefusal,
} from '../domain/assessment.js';
import type { CardSubmission } from '../domain/card-ref.js';
import { assignForm, DECISION_FORM, decisionDetails } from '../domain/decision-form.js';
import type { Person, Pir } from '../domain/pir.js';
import { DECISION_LABELS, isAwaitingAssessment, isDecision } from '../domain/pir-transitions.js';
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
    return loaded ? { loaded, members } : answer(botText("I couldn't find that request: the card may be out of date."));
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

/** Writes a change to the request the card showed (over that version), or shows where it stands now. */
async function writeAssessed(deps: PirDeps, item: Assessed, change: (c: Pir) => Pir | undefined) {
  const { lead, id } = item.loaded.value;
  return deps.pirs.write(lead.id, id, existing(change), { from: item.loaded });
}

const personOf = (turn: Turn): Person => ({ id: turn.actor.id, name: turn.actor.name });

/** After a change: the audit trail, then the channel card for everyone. */
async function recordAssessed(turn: Turn, deps: PirDeps, item: Assessed, pir: Pir, action: string, comment?: string) {
  const entry = { at: deps.now().toISOString(), actor: personOf(turn), action, ...(comment ? { comment } : {}) };
  await deps.audit.append(pir.id, entry);
  await refreshChannelCard(turn, deps, item, pir);
}

/** Accept, accept with conditions, request changes or decline. The first decision wins; later clicks are told. */
export async function handleDecide(turn: Turn, deps: PirDeps, { inputs }: CardSubmission, item: Assessed) {
  const shown = item.loaded.value;
  const decision = inputs.decision;
  const refusal = decisionRefusal(shown, decision);
  if (refusal || !isDecision(decision)) return assessmentCard(item, shown, { notice: plain(refusal ?? '') });
  const read = readForm(DECISION_FORM, inputs, { known: { decision } });
  if (!read.ok) {
    const typed = typedOnForm(DECISION_FORM, inputs);
    return assessmentCard(item, shown, { notice: read.message, errors: read.errors, typed });
  }
  const details = decisionDetails(read.values, decision);
  const [by, now] = [personOf(turn), deps.now()];
  if (decision === 'accept' || decision === 'accept-with-conditions') await deps.acceptance.beforeAccepting(shown);
  const write = await writeAssessed(deps, item, (c) => decided(c, shown.reference, decision, by, details, now));
  if (write.status !== 'applied') {
    const latest = storedAfter(write) ?? shown;
    return assessmentCard(item, latest, { notice: plain(decidedFirstNotice(latest)) });
  }
  const pir = write.saved.value;
  turn.log.info({ pirId: pir.id, decision }, 'request decided');
  await recordAssessed(turn, deps, item, pir, DECISION_LABELS[decision], details.comment);
  await notifyLead(turn, deps, pir);
  return assessmentCard(item, pir);
}

/** Assign to me, or to the member chosen on the card. */
export async function handleAssign(
  turn: Turn,
  deps: PirDeps,
  { inputs }: CardSubmission,
  item: Assessed,
  toSelf: boolean,
): Promise<AdaptiveCard> {
  const shown = item.loaded.value;
  if (!isAwaitingAssessment(shown)) return assessmentCard(item, shown, { notice: plain(ALREADY_DECIDED) });
  const chosen = readForm(assignForm(item.members), inputs);
  const person = assigneeOf(toSelf, personOf(turn), item.members, chosen.ok ? chosen.values.assigneeId : undefined);
  if (!person) {
    return assessmentCard(item, shown, { notice: botText('Please choose a PPI team member to assign it to.') });
  }
  const now = deps.now();
  const write = await writeAssessed(deps, item, (c) => assigned(c, person, now));
  if (write.status !== 'applied') {
    return assessmentCard(item, storedAfter(write) ?? shown, { notice: plain(ALREADY_DECIDED) });
  }
  await recordAssessed(turn, deps, item, write.saved.value, `Assigned to ${person.name}`);
  return assessmentCard(item, write.saved.value);
}
