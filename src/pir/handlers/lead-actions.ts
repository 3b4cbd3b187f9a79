import type { CardActionResult, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { buildPositionCard } from '../cards/position-card.js';
import { buildStepCard } from '../cards/step-card.js';
import { isEditable, type Pir, STATUS_LABELS } from '../domain/pir.js';
import { answerStep, editFromReview, type StepMove } from '../domain/pir-transitions.js';
import { readStepAnswers, typedValues } from '../domain/read-step-answers.js';
import { isStepId } from '../domain/steps.js';
import type { PirDeps } from '../pir-deps.js';
import { PirVerb } from '../pir-verbs.js';
import { type CardRef, parseCardRef } from './card-ref.js';

export const OUT_OF_DATE = 'This card was out of date, so nothing was changed. Here is where your request is now.';
const NOT_FOUND = "I couldn't find that request. Type **my requests** to see yours.";

export const myRequestsButton = { title: 'My requests', verb: PirVerb.list };

function notice(text: string): CardActionResult {
  return { card: buildNoticeCard({ text, buttons: [myRequestsButton] }) };
}

/**
 * Loads the lead's own request a card points at and checks the card is current. Requests are read from the
 * clicker's own partition, so a card forged with another lead's id finds nothing.
 */
async function loadForLead(
  turn: Turn,
  deps: PirDeps,
  ref: CardRef | undefined,
): Promise<Versioned<Pir> | CardActionResult> {
  if (!ref) return notice(`${OUT_OF_DATE.split('.')[0]}. Type **continue** to carry on with your request.`);
  const loaded = await deps.pirs.get(turn.actor.id, ref.pirId);
  if (!loaded) return notice(NOT_FOUND);
  const pir = loaded.value;
  if (!isEditable(pir)) {
    return notice(
      `This request was already submitted${pir.reference ? ` as ${pir.reference}` : ''}. Its status: ${STATUS_LABELS[pir.status]}.`,
    );
  }
  if (ref.revision !== pir.revision || (ref.position !== undefined && ref.position !== pir.position)) {
    return { card: buildPositionCard(pir, OUT_OF_DATE) };
  }
  return loaded;
}

function isLoaded(value: Versioned<Pir> | CardActionResult): value is Versioned<Pir> {
  return 'etag' in value;
}

/**
 * Applies a change only if nobody changed the request since it was read (e.g. a double click): the card the lead
 * sees next is the saved request, or where the request stands now.
 */
async function commit(
  deps: PirDeps,
  loaded: Versioned<Pir>,
  change: (current: Pir) => Pir,
): Promise<{ saved: Pir } | CardActionResult> {
  const revision = loaded.value.revision;
  const write = await deps.pirs.write(
    loaded.value.lead.id,
    loaded.value.id,
    existing((c) => (c.revision === revision && isEditable(c) ? change(c) : undefined)),
    { from: loaded },
  );
  if (write.status === 'applied') return { saved: write.saved.value };
  if (write.status === 'refused' && isEditable(write.current.value)) {
    return { card: buildPositionCard(write.current.value, OUT_OF_DATE) };
  }
  return notice(NOT_FOUND);
}

/** Next, Back, and Save and finish later on a step card. Every accepted answer is saved before moving. */
export async function handleStepMove(
  turn: Turn,
  deps: PirDeps,
  data: Readonly<Record<string, unknown>>,
  move: StepMove,
): Promise<CardActionResult> {
  const ref = parseCardRef(data);
  const loaded = await loadForLead(turn, deps, ref);
  if (!isLoaded(loaded)) return loaded;
  const pir = loaded.value;
  if (pir.position === 'review') {
    if (move !== 'save') return { card: buildPositionCard(pir) };
    return savedNotice(pir);
  }
  const step = pir.position;
  let changes = {};
  if (move !== 'back') {
    const read = readStepAnswers(step, data, pir.answers, move === 'next' ? 'next' : 'save');
    if (!read.ok) {
      return {
        card: buildStepCard(pir, step, { notice: read.message, errors: read.errors, typed: typedValues(step, data) }),
      };
    }
    changes = read.changes;
  }
  const now = deps.now();
  const result = await commit(deps, loaded, (c) => answerStep(c, step, changes, move, now));
  if (!('saved' in result)) return result;
  const { saved } = result;
  turn.log.info({ pirId: pir.id, step, move, revision: saved.revision }, 'request step saved');
  return move === 'save' ? savedNotice(saved) : { card: buildPositionCard(saved) };
}

function savedNotice(pir: Pir): CardActionResult {
  return {
    card: buildNoticeCard({
      title: 'Saved',
      text: `Your request “${pir.answers.title ?? 'untitled'}” is saved. Type **continue** any time, on any device, to pick up where you left off.`,
      buttons: [{ title: 'Continue now', verb: PirVerb.resume, data: { pirId: pir.id } }, myRequestsButton],
    }),
  };
}

/** Edit on the review card: go to that section, then back to the review. */
export async function handleEdit(
  turn: Turn,
  deps: PirDeps,
  data: Readonly<Record<string, unknown>>,
): Promise<CardActionResult> {
  const ref = parseCardRef({ ...data, step: 'review' });
  const loaded = await loadForLead(turn, deps, ref);
  if (!isLoaded(loaded)) return loaded;
  const target = data.step;
  if (!isStepId(target)) return { card: buildPositionCard(loaded.value, OUT_OF_DATE) };
  const now = deps.now();
  const result = await commit(deps, loaded, (c) => editFromReview(c, target, now));
  return 'saved' in result ? { card: buildPositionCard(result.saved) } : result;
}

/** Continue / open a request from a list or a notification: shows where it stands. */
export async function handleResume(
  turn: Turn,
  deps: PirDeps,
  data: Readonly<Record<string, unknown>>,
): Promise<CardActionResult> {
  const pirId = typeof data.pirId === 'string' ? data.pirId : '';
  const pir = pirId ? (await deps.pirs.get(turn.actor.id, pirId.slice(0, 64)))?.value : undefined;
  if (!pir) return notice(NOT_FOUND);
  if (!isEditable(pir)) {
    return notice(
      `${pir.reference ?? 'This request'} is not open for editing. Its status: ${STATUS_LABELS[pir.status]}.`,
    );
  }
  return { card: buildPositionCard(pir) };
}
