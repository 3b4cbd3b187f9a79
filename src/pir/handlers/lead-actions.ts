import { botText, type CardText, md } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { buildPositionCard } from '../cards/position-card.js';
import { buildStepCard } from '../cards/step-card.js';
import { type CardRef, type CardSubmission, checkLeadCard } from '../domain/card-ref.js';
import { isEditable, type Pir, STATUS_LABELS, type StepId } from '../domain/pir.js';
import { answerStep, editFromReview, isRepeatedMove, type StepMove } from '../domain/pir-transitions.js';
import { readStepAnswers, typedValues } from '../domain/read-step-answers.js';
import type { PirLists } from '../domain/step-fields.js';
import { isStepId } from '../domain/steps.js';
import type { PirDeps } from '../pir-deps.js';
import { PirVerb } from '../pir-verbs.js';
import { pirLists } from '../store/pir-lists.js';

export const OUT_OF_DATE = botText(
  'This card was out of date, so nothing was changed. Here is where your request is now.',
);
const NOT_FOUND = botText("I couldn't find that request. Type **my requests** to see yours.");

export const myRequestsButton = { title: 'My requests', verb: PirVerb.list };

/** A sentence on a lead's card, with a way back to their requests. */
export function leadNotice(text: CardText): AdaptiveCard {
  return buildNoticeCard({ text, buttons: [myRequestsButton] });
}

/**
 * The lead's own request: read from the clicker's partition, so a card forged with another lead's id finds nothing.
 * Its routes show sentences with `leadNotice`.
 */
export function loadLeadsRequest(deps: PirDeps) {
  return async (turn: Turn, pirId: string): Promise<Versioned<Pir> | Answer> =>
    (await deps.pirs.get(turn.actor.id, pirId)) ?? answer(NOT_FOUND);
}

/** The card to show instead when the clicked card no longer matches the request; undefined when it does. */
function staleCard(pir: Pir, ref: CardRef, lists: PirLists): AdaptiveCard | undefined {
  const check = checkLeadCard(pir, ref);
  if (check === 'current') return undefined;
  if (check === 'out-of-date') return buildPositionCard(pir, lists, OUT_OF_DATE);
  const as = pir.reference ? ` as ${pir.reference}` : '';
  return leadNotice(md`This request was already submitted${as}. Its status: ${STATUS_LABELS[pir.status]}.`);
}

/**
 * Saves a change only over the version the card was checked against (the same request open twice loses the race):
 * the card is then the saved request, the outcome the first click already had (`repeated`: a double click), or where
 * the request stands now.
 */
async function commit(
  deps: PirDeps,
  loaded: Versioned<Pir>,
  lists: PirLists,
  change: (c: Pir) => Pir,
  repeated: (current: Pir) => AdaptiveCard | undefined = () => undefined,
): Promise<Pir | AdaptiveCard> {
  const { revision, lead, id } = loaded.value;
  const guarded = existing<Pir>((c) => (c.revision === revision && isEditable(c) ? change(c) : undefined));
  const write = await deps.pirs.write(lead.id, id, guarded, { from: loaded });
  if (write.status === 'applied') return write.saved.value;
  if (write.status === 'refused' && isEditable(write.current.value)) {
    return repeated(write.current.value) ?? buildPositionCard(write.current.value, lists, OUT_OF_DATE);
  }
  return leadNotice(NOT_FOUND);
}

/** The card a move from this card led to, when this click repeats it (a double click): the same outcome again. */
function repeatedOutcome(
  pir: Pir,
  { ref, inputs }: CardSubmission,
  move: StepMove,
  lists: PirLists,
): AdaptiveCard | undefined {
  if (!isStepId(ref.position)) return undefined;
  const read = readStepAnswers(ref.position, inputs, pir.answers, 'save', lists);
  if (!read.ok || !isRepeatedMove(pir, ref, move, read.changes)) return undefined;
  return move === 'save' ? savedNotice(pir) : buildPositionCard(pir, lists);
}

const isCard = (value: Pir | AdaptiveCard): value is AdaptiveCard => 'type' in value;

/**
 * Next, Back, and Save and finish later on a step card. What the card sent is saved before moving, Back included
 * (Next checks every answer; Back and Save let required ones wait). A second click of the same button shows the
 * same outcome again.
 */
export async function handleStepMove(
  turn: Turn,
  deps: PirDeps,
  submission: CardSubmission,
  loaded: Versioned<Pir>,
  move: StepMove,
): Promise<AdaptiveCard> {
  const { ref, inputs } = submission;
  const pir = loaded.value;
  const lists = await pirLists(deps);
  const stale = repeatedOutcome(pir, submission, move, lists) ?? staleCard(pir, ref, lists);
  if (stale) return stale;
  if (pir.position === 'review') return move === 'save' ? savedNotice(pir) : buildPositionCard(pir, lists);
  const step: StepId = pir.position;
  const read = readStepAnswers(step, inputs, pir.answers, move === 'next' ? 'next' : 'save', lists);
  if (!read.ok) {
    const typed = typedValues(step, inputs);
    return buildStepCard(pir, step, lists, { notice: read.message, errors: read.errors, typed });
  }
  const now = deps.now();
  const saved = await commit(
    deps,
    loaded,
    lists,
    (c) => answerStep(c, step, read.changes, move, now),
    (current) => repeatedOutcome(current, submission, move, lists),
  );
  if (isCard(saved)) return saved;
  turn.log.info({ pirId: pir.id, step, move, revision: saved.revision }, 'request step saved');
  return move === 'save' ? savedNotice(saved) : buildPositionCard(saved, lists);
}

function savedNotice(pir: Pir): AdaptiveCard {
  return buildNoticeCard({
    title: botText('Saved'),
    text: md`Your request “${pir.answers.title ?? 'untitled'}” is saved. Type **continue** any time, on any device, to pick up where you left off.`,
    buttons: [{ title: 'Continue now', verb: PirVerb.resume, data: { pirId: pir.id } }, myRequestsButton],
  });
}

/** Edit on the review card: go to that section, then back to the review. */
export async function handleEdit(
  deps: PirDeps,
  { ref, target }: { ref: CardRef; target: StepId | undefined },
  loaded: Versioned<Pir>,
): Promise<AdaptiveCard> {
  const lists = await pirLists(deps);
  const stale = staleCard(loaded.value, ref, lists);
  if (stale) return stale;
  if (!target) return buildPositionCard(loaded.value, lists, OUT_OF_DATE);
  const now = deps.now();
  const saved = await commit(deps, loaded, lists, (c) => editFromReview(c, target, now));
  return isCard(saved) ? saved : buildPositionCard(saved, lists);
}

/** Continue / open a request from a list or a notification: shows where it stands. */
export async function handleResume(deps: PirDeps, pir: Pir): Promise<AdaptiveCard> {
  if (isEditable(pir)) return buildPositionCard(pir, await pirLists(deps));
  return leadNotice(
    md`${pir.reference ?? 'This request'} is not open for editing. Its status: ${STATUS_LABELS[pir.status]}.`,
  );
}
