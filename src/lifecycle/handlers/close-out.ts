import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { londonDateKey } from '../../calendar/london-time.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { buildCloseOutPositionCard } from '../cards/close-out-position-card.js';
import { buildCloseOutStepCard } from '../cards/close-out-step-card.js';
import { projectNotice, submittedNotice } from '../cards/lifecycle-notices.js';
import { ukDay } from '../cards/uk-day.js';
import {
  answeredStep,
  type CloseOutMove,
  closeOutRefusal,
  editingStep,
  incompleteCloseOutSteps,
  isCloseOutEditable,
  started,
  submitted,
} from '../domain/close-out-changes.js';
import { closeOutForm } from '../domain/close-out-steps.js';
import type { ProjectRef, ProjectSubmission } from '../domain/lifecycle-refs.js';
import { roundWork } from '../domain/lifecycle-work.js';
import type { CloseOut, CloseOutStepId, Project } from '../domain/project.js';
import type { ProjectChange } from '../domain/project-change.js';
import { STAGE_LABELS, stageAt } from '../domain/stage.js';
import type { LifecycleDeps } from '../lifecycle-deps.js';
import { applyProjectChange, type LoadedProject, withProject } from '../store/apply-project-change.js';
import { linkableItems, linkedRecords, NOT_FOUND } from './load-project.js';

export const OUT_OF_DATE = botText(
  'This card was out of date, so nothing was changed. Here is where your close-out is now.',
);

type WithCloseOut = Project & { readonly closeOut: CloseOut };
const hasCloseOut = (p: Project): p is WithCloseOut => p.closeOut !== undefined;

/** Why the close-out cannot be opened, in a sentence; undefined when it can. */
function refusal(deps: LifecycleDeps, pir: Pir, project: Project): CardText | undefined {
  const reference = pir.reference ?? 'This request';
  switch (closeOutRefusal(pir, project)) {
    case 'not-accepted':
      return md`${reference} is not accepted (its stage: ${STAGE_LABELS[stageAt(pir, deps.now(), project)]}), so there is nothing to close out yet. A request can be closed out once the PPI team accepts it.`;
    case 'closed':
      return md`${reference} is already closed: the PPI team accepted its close-out on ${ukDay(project.closeOut?.closedAt ?? '')}.`;
    case 'stopped':
      return md`${reference} was recorded as stopped on ${ukDay(project.stopped?.at ?? '')}, so it has no close-out. Ask the PPI team if that was a mistake.`;
    case 'with-ppi-team':
      return md`The close-out of ${reference} is with the PPI team for review. I'll message you when they have looked at it.`;
    default:
      return undefined;
  }
}

async function linkable(deps: LifecycleDeps, pir: Pir): Promise<Choice[]> {
  return linkableItems(await linkedRecords(deps, pir));
}

/** Saves a change over the version the card was checked against; else the card for where it stands now. */
async function commit(
  deps: LifecycleDeps,
  item: LoadedProject,
  change: (pir: Pir, project: Project) => ProjectChange | undefined,
): Promise<LoadedProject | AdaptiveCard> {
  const { revision } = item.project;
  const write = await applyProjectChange(deps, item.loaded, (pir, project) =>
    project.revision === revision ? change(pir, project) : undefined,
  );
  if (write.status === 'applied') return withProject(write.saved);
  const latest = write.status === 'refused' ? withProject(write.current) : undefined;
  if (!latest) return projectNotice(NOT_FOUND);
  return currentCard(deps, latest, OUT_OF_DATE);
}

/** Where the close-out stands now, as the lead's card: its step or review, or why it cannot be changed. */
async function currentCard(deps: LifecycleDeps, { loaded, project }: LoadedProject, notice?: CardText) {
  const pir = loaded.value;
  const refused = refusal(deps, pir, project);
  if (refused || !hasCloseOut(project) || !isCloseOutEditable(project.closeOut)) {
    return projectNotice(refused ?? botText('This close-out cannot be changed now.'));
  }
  return buildCloseOutPositionCard(pir, project, await linkable(deps, pir), notice);
}

const isCard = (value: LoadedProject | AdaptiveCard): value is AdaptiveCard => 'type' in value;

/**
 * `close out PIR-2026-0042`, "Close out now" on the check-in, "Close out" on the status card: starts the close-out
 * (saved straight away) or carries on where the lead left it.
 */
export async function openCloseOut(turn: Turn, deps: LifecycleDeps, item: LoadedProject): Promise<AdaptiveCard> {
  const { loaded, project } = item;
  const refused = refusal(deps, loaded.value, project);
  if (refused) return projectNotice(refused);
  if (project.closeOut) return currentCard(deps, item);
  const write = await applyProjectChange(deps, loaded, (_pir, current) =>
    current.closeOut ? undefined : started(current, deps.now()),
  );
  if (write.status === 'not-found') return projectNotice(NOT_FOUND);
  if (write.status === 'applied') turn.log.info({ pirId: loaded.value.id }, 'close-out started');
  return currentCard(deps, withProject(write.status === 'applied' ? write.saved : write.current));
}

/** The card a click came from no longer matches the close-out: where it stands now; undefined when it does. */
async function staleCard(deps: LifecycleDeps, item: LoadedProject, ref: ProjectRef): Promise<AdaptiveCard | undefined> {
  const { project } = item;
  const closeOut = project.closeOut;
  if (refusal(deps, item.loaded.value, project) || !closeOut || !isCloseOutEditable(closeOut)) {
    return currentCard(deps, item);
  }
  if (ref.revision !== project.revision || (ref.position !== undefined && ref.position !== closeOut.position)) {
    return currentCard(deps, item, OUT_OF_DATE);
  }
  return undefined;
}

/** Next, Back, and Save and finish later on a close-out step. Every accepted answer is saved before moving. */
export async function handleCloseOutMove(
  turn: Turn,
  deps: LifecycleDeps,
  { ref, inputs }: ProjectSubmission,
  item: LoadedProject,
  move: CloseOutMove,
): Promise<AdaptiveCard> {
  const stale = await staleCard(deps, item, ref);
  if (stale || !hasCloseOut(item.project)) return stale ?? currentCard(deps, item);
  const pir = item.loaded.value;
  const position = item.project.closeOut.position;
  if (position === 'review') {
    return move === 'save' ? projectNotice(savedText(pir)) : currentCard(deps, item);
  }
  const step: CloseOutStepId = position;
  const items = await linkable(deps, pir);
  const form = closeOutForm(step, items, londonDateKey(deps.now()));
  const read =
    move === 'back'
      ? undefined
      : readForm(form, inputs, { mode: move === 'next' ? 'submit' : 'draft', known: item.project.closeOut.answers });
  if (read && !read.ok) {
    return buildCloseOutStepCard(pir, item.project, step, items, {
      notice: read.message,
      errors: read.errors,
      typed: typedOnForm(form, inputs),
    });
  }
  const changes = read?.ok ? withoutEmpty(read.values) : {};
  const saved = await commit(deps, item, (_pir, project) => answeredStep(project, step, changes, move, deps.now()));
  if (isCard(saved)) return saved;
  turn.log.info({ pirId: pir.id, step, move }, 'close-out step saved');
  return move === 'save' ? projectNotice(savedText(pir)) : currentCard(deps, saved);
}

/** Answers as saved: a field left empty is stored as empty, not dropped (the lead cleared it). */
function withoutEmpty(values: Readonly<Record<string, unknown>>) {
  const out: Record<string, string | number | boolean | readonly string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = value === undefined ? '' : (value as string | number | boolean | readonly string[]);
  }
  return out;
}

function savedText(pir: Pir): CardText {
  return md`The close-out of ${pir.reference ?? ''} is saved. Type **close out ${pir.reference ?? ''}** any time to carry on.`;
}

/** Edit on the review card: that step, then back to the review. */
export async function handleCloseOutEdit(
  deps: LifecycleDeps,
  { ref, inputs }: ProjectSubmission,
  item: LoadedProject,
): Promise<AdaptiveCard> {
  const stale = await staleCard(deps, item, { ...ref, position: 'review' });
  if (stale) return stale;
  const step = inputs.step;
  const target = typeof step === 'string' && step !== 'review' ? (step as CloseOutStepId) : undefined;
  if (!target) return currentCard(deps, item, OUT_OF_DATE);
  const saved = await commit(deps, item, (_pir, project) => editingStep(project, target, deps.now()));
  return isCard(saved) ? saved : currentCard(deps, saved);
}

/** Send to the PPI team: saved as sent, then its review card is posted in the PPI team's channel (the engine). */
export async function handleCloseOutSubmit(
  turn: Turn,
  deps: LifecycleDeps,
  ref: ProjectRef,
  item: LoadedProject,
): Promise<AdaptiveCard> {
  const stale = await staleCard(deps, item, { ...ref, position: 'review' });
  if (stale || !hasCloseOut(item.project)) return stale ?? currentCard(deps, item);
  if (incompleteCloseOutSteps(item.project.closeOut.answers).length > 0) {
    return currentCard(deps, item, botText('Some answers are missing, so it was not sent yet.'));
  }
  const now = deps.now();
  const saved = await commit(deps, item, (pir, project) => submitted(pir, project, now));
  if (isCard(saved)) return saved;
  const pir = saved.loaded.value;
  const round = saved.project.closeOut?.round ?? 0;
  await deps.audit.append(pir.id, {
    at: now.toISOString(),
    actor: { id: turn.actor.id, name: turn.actor.name },
    action: round > 1 ? 'Close-out sent again' : 'Close-out sent',
  });
  const result = await deps.deliverNow(roundWork('review', pir.reference ?? '', round, now));
  turn.log.info({ pirId: pir.id, round, result }, 'close-out sent for review');
  return submittedNotice(pir, result === 'sent' || result === 'resent' || result === 'already-done');
}
