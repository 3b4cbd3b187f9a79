import type { CardActionResult, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { cleanText } from '../../forms/read-form-field.js';
import { describePersonalData } from '../../personal-data/describe-personal-data.js';
import { findPersonalData } from '../../personal-data/find-personal-data.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import { NOT_PPI_TEAM } from '../../ppi-team/register-ppi-team.js';
import { referenceData } from '../../reference-data/reference-data.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { buildAssessmentCard } from '../cards/assessment-card.js';
import { buildDecisionCard } from '../cards/decision-card.js';
import type { Person, Pir } from '../domain/pir.js';
import {
  assign,
  DECISION_LABELS,
  type Decision,
  decide,
  decisionNeedsComment,
  isAwaitingAssessment,
  isDecision,
} from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { parseCardRef } from './card-ref.js';
import { activeMembers } from './post-assessment-card.js';

type Data = Readonly<Record<string, unknown>>;

async function loadForPpiTeam(turn: Turn, deps: PirDeps, data: Data): Promise<Versioned<Pir> | CardActionResult> {
  const ref = parseCardRef(data);
  const loaded = ref?.leadId ? await deps.pirs.get(ref.leadId, ref.pirId) : undefined;
  if (!loaded) return { card: buildNoticeCard({ text: "I couldn't find that request: the card may be out of date." }) };
  if (!(await deps.roles.isPpiTeam(turn.actor.id))) return card(deps, loaded.value, { notice: NOT_PPI_TEAM });
  return loaded;
}

async function card(
  deps: PirDeps,
  pir: Pir,
  options: { notice?: string; full?: boolean; comment?: string } = {},
): Promise<CardActionResult> {
  return { card: buildAssessmentCard(pir, { members: await activeMembers(deps), ...options }) };
}

function isLoaded(value: Versioned<Pir> | CardActionResult): value is Versioned<Pir> {
  return 'etag' in value;
}

function ids(value: unknown, allowed: readonly { id: string }[]): string[] {
  const text = cleanText(value);
  return [...new Set(text.split(',').map((s) => s.trim()))].filter((id) => allowed.some((a) => a.id === id));
}

/** Updates the channel card for everyone, not just the person who clicked. */
async function refreshChannelCard(turn: Turn, deps: PirDeps, pir: Pir): Promise<void> {
  const channel = await deps.ppiTeam.getChannel();
  if (!channel || !pir.assessmentCardId) return;
  try {
    await deps.messenger.update(channel.reference, pir.assessmentCardId, {
      card: buildAssessmentCard(pir, { members: await activeMembers(deps) }),
    });
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
export async function handleDecide(turn: Turn, deps: PirDeps, data: Data): Promise<CardActionResult> {
  const found = await loadForPpiTeam(turn, deps, data);
  if (!isLoaded(found)) return found;
  const loaded = found.value;
  const decision = data.decision;
  if (!isDecision(decision)) return card(deps, loaded, { notice: 'That button is out of date.' });
  if (!isAwaitingAssessment(loaded)) return card(deps, loaded, { notice: 'This request has already been decided.' });
  const comment = cleanText(data.comment);
  const typed = { comment: maskPersonalData(comment.slice(0, 1500)) };
  if (comment.length > 1000) {
    const notice = `Please keep the comment under 1,000 characters (it is ${comment.length}).`;
    return card(deps, loaded, { notice, ...typed });
  }
  if (decisionNeedsComment(decision) && comment.length < 3) {
    return card(deps, loaded, {
      notice: `Please add a comment for the lead before choosing “${DECISION_LABELS[decision]}”.`,
      ...typed,
    });
  }
  const personal = findPersonalData(comment);
  if (personal.length > 0) return card(deps, loaded, { notice: describePersonalData(personal), ...typed });
  const by: Person = { id: turn.actor.id, name: turn.actor.name };
  const expectedRung = ids(data.expectedRung, referenceData.ladderRungs)[0];
  const agreedSupport = ids(data.agreedSupport, referenceData.ppiSupportOptions);
  const now = deps.now();
  const details = { ...(comment ? { comment } : {}), ...(expectedRung ? { expectedRung } : {}), agreedSupport };
  const write = await deps.pirs.write(
    loaded.lead.id,
    loaded.id,
    existing((c) =>
      isAwaitingAssessment(c) && c.reference === loaded.reference ? decide(c, decision, by, details, now) : undefined,
    ),
    { from: found },
  );
  if (write.status !== 'applied') {
    const latest = storedAfter(write) ?? loaded;
    return card(deps, latest, {
      notice: `${latest.assessment.decidedBy?.name ?? 'Someone'} decided this first, so your decision was not recorded.`,
    });
  }
  await recordDecision(turn, deps, write.saved.value, decision, comment);
  return card(deps, write.saved.value);
}

async function recordDecision(turn: Turn, deps: PirDeps, pir: Pir, decision: Decision, comment: string): Promise<void> {
  await deps.audit.append(pir.id, {
    at: deps.now().toISOString(),
    actor: { id: turn.actor.id, name: turn.actor.name },
    action: DECISION_LABELS[decision],
    ...(comment ? { comment } : {}),
  });
  turn.log.info({ pirId: pir.id, decision }, 'request decided');
  await refreshChannelCard(turn, deps, pir);
  await notifyLead(turn, deps, pir);
}

/** Assign to me, or to the member chosen on the card. */
export async function handleAssign(turn: Turn, deps: PirDeps, data: Data, toSelf: boolean): Promise<CardActionResult> {
  const found = await loadForPpiTeam(turn, deps, data);
  if (!isLoaded(found)) return found;
  const loaded = found.value;
  if (!isAwaitingAssessment(loaded)) return card(deps, loaded, { notice: 'This request has already been decided.' });
  let assignee: Person | undefined = { id: turn.actor.id, name: turn.actor.name };
  if (!toSelf) {
    const chosen = cleanText(data.assigneeId);
    assignee = (await activeMembers(deps)).find((m) => m.id === chosen);
    if (!assignee) return card(deps, loaded, { notice: 'Please choose a PPI team member to assign it to.' });
  }
  const person = assignee;
  const now = deps.now();
  const write = await deps.pirs.write(
    loaded.lead.id,
    loaded.id,
    existing((c) => (isAwaitingAssessment(c) ? assign(c, person, now) : undefined)),
    { from: found },
  );
  if (write.status !== 'applied') {
    return card(deps, storedAfter(write) ?? loaded, { notice: 'This request has already been decided.' });
  }
  const pir = write.saved.value;
  await deps.audit.append(pir.id, {
    at: now.toISOString(),
    actor: { id: turn.actor.id, name: turn.actor.name },
    action: `Assigned to ${person.name}`,
  });
  await refreshChannelCard(turn, deps, pir);
  return card(deps, pir);
}

/** Full answers on demand, and back to the summary. Read-only; PPI team only. */
export async function handleShowDetails(
  turn: Turn,
  deps: PirDeps,
  data: Data,
  full: boolean,
): Promise<CardActionResult> {
  const loaded = await loadForPpiTeam(turn, deps, data);
  if (!isLoaded(loaded)) return loaded;
  return card(deps, loaded.value, { full });
}
