import { botText, plain } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { activeMembers } from '../../ppi-team/store/active-members.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { type AssessmentCardOptions, buildAssessmentCard } from '../cards/assessment-card.js';
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
import { isOpenForPpiTeam, type Person, type Pir, submissionsOf } from '../domain/pir.js';
import { decisionWork, updateWork } from '../domain/pir-notices.js';
import { DECISION_LABELS, isAwaitingAssessment, isDecision } from '../domain/pir-transitions.js';
import type { PirLists } from '../domain/step-fields.js';
import type { PirDeps } from '../pir-deps.js';
import { pirLists } from '../store/pir-lists.js';

/** A request on the PPI team's card, and who can be assigned to it. */
export interface Assessed {
  readonly loaded: Versioned<Pir>;
  readonly members: readonly Person[];
  readonly lists: PirLists;
}

export function loadAssessed(deps: PirDeps) {
  return async (_turn: Turn, { ref }: { ref: { leadId: string; pirId: string } }): Promise<Assessed | Answer> => {
    const [loaded, members, lists] = await Promise.all([
      deps.pirs.get(ref.leadId, ref.pirId),
      activeMembers(deps),
      pirLists(deps),
    ]);
    return loaded
      ? { loaded, members, lists }
      : answer(botText("I couldn't find that request: the card may be out of date."));
  };
}

/** The assessment card, with a sentence above it (a refusal, a problem, or who decided first). */
export function assessmentCard(
  item: Assessed,
  pir: Pir,
  options: Omit<AssessmentCardOptions, 'members' | 'lists'> = {},
) {
  return buildAssessmentCard(pir, { members: item.members, lists: item.lists, ...options });
}

/** Writes a change to the request the card showed (over that version), or shows where it stands now. */
async function writeAssessed(deps: PirDeps, item: Assessed, change: (c: Pir) => Pir | undefined) {
  const { lead, id } = item.loaded.value;
  return deps.pirs.write(lead.id, id, existing(change), { from: item.loaded });
}

const personOf = (turn: Turn): Person => ({ id: turn.actor.id, name: turn.actor.name });

/** The channel card updated for everyone once the change is saved, written to the outbox before it is. */
async function updateFor(deps: PirDeps, shown: Pir, now: Date) {
  const work = updateWork(shown, shown.revision + 1, deps.newId(), now);
  await deps.outbox.add(work);
  return work;
}

/** After a change: the audit trail. */
async function audited(turn: Turn, deps: PirDeps, pir: Pir, action: string, at: Date, comment?: string) {
  const entry = { at: at.toISOString(), actor: personOf(turn), action, ...(comment ? { comment } : {}) };
  await deps.audit.append(pir.id, entry);
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
  // Due work first: the lead's notice and the card's update exist before the decision does.
  const notice = decisionWork(shown, submissionsOf(shown), now);
  const [update] = await Promise.all([updateFor(deps, shown, now), deps.outbox.add(notice)]);
  const write = await writeAssessed(deps, item, (c) => decided(c, shown.reference, decision, by, details, now));
  if (write.status !== 'applied') {
    const latest = storedAfter(write) ?? shown;
    return assessmentCard(item, latest, { notice: plain(decidedFirstNotice(latest)) });
  }
  const pir = write.saved.value;
  turn.log.info({ pirId: pir.id, decision }, 'request decided');
  await audited(turn, deps, pir, DECISION_LABELS[decision], now, details.comment);
  if (!isOpenForPpiTeam(pir)) await deps.pirs.markClosed(pir.id);
  await Promise.all([deps.outbox.sendSoon(update), deps.outbox.sendSoon(notice)]);
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
  const update = await updateFor(deps, shown, now);
  const write = await writeAssessed(deps, item, (c) => assigned(c, person, now));
  if (write.status !== 'applied') {
    return assessmentCard(item, storedAfter(write) ?? shown, { notice: plain(ALREADY_DECIDED) });
  }
  await audited(turn, deps, write.saved.value, `Assigned to ${person.name}`, now);
  await deps.outbox.sendSoon(update);
  return assessmentCard(item, write.saved.value);
}
