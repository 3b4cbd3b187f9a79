import { botText, type CardText, md } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { buildPpiReviewCard } from '../cards/ppi-review-card.js';
import { evaluated, reviewed } from '../domain/close-out-changes.js';
import { evaluationOf, REVIEW_FORM } from '../domain/lifecycle-forms.js';
import type { ReviewRef } from '../domain/lifecycle-refs.js';
import { roundWork } from '../domain/lifecycle-work.js';
import type { CloseOut, Project } from '../domain/project.js';
import type { LifecycleDeps } from '../lifecycle-deps.js';
import { applyProjectChange, type LoadedProject, withProject } from '../store/apply-project-change.js';

export type ReviewAction = 'accept' | 'more' | 'evaluation';

type Reviewed = LoadedProject & {
  readonly project: Project & { readonly closeOut: CloseOut };
  readonly directorates: readonly ListEntry[];
};

/** The close-out a PPI team card points at (the lead's partition, named on the card). */
export function loadReviewed(deps: Pick<LifecycleDeps, 'pirs' | 'directorates'>) {
  return async (_turn: Turn, { ref }: { ref: ReviewRef }): Promise<Reviewed | Answer> => {
    const [found, directorates] = await Promise.all([
      deps.pirs.get(ref.leadId, ref.pirId),
      deps.directorates.entries(),
    ]);
    const item = found ? withProject(found) : undefined;
    return item?.project.closeOut
      ? ({ ...item, directorates } as Reviewed)
      : answer(botText("I couldn't find that close-out: the card may be out of date."));
  };
}

/** The close-out as stored after a write, named with the directorates the card was loaded with. */
function reviewedAgain(stored: Parameters<typeof withProject>[0], item: Reviewed): Reviewed {
  return { ...withProject(stored), directorates: item.directorates } as Reviewed;
}

/** The review card as the close-out stands now, with a sentence above it. */
export function reviewCard(item: Reviewed, notice?: CardText): AdaptiveCard {
  return buildPpiReviewCard(item.loaded.value, item.project, item.directorates, notice ? { notice } : {});
}

const ACTIONS: Readonly<Record<ReviewAction, string>> = {
  accept: 'Close-out accepted',
  more: 'More asked for on the close-out',
  evaluation: 'Patient Partners’ evaluation added',
};

/** Accept and close, ask for more, or save the Patient Partners' evaluation. The first decision on a round wins. */
export async function handleReview(
  turn: Turn,
  deps: LifecycleDeps,
  { ref, inputs }: { ref: ReviewRef; inputs: Readonly<Record<string, unknown>> },
  item: Reviewed,
  action: ReviewAction,
): Promise<AdaptiveCard> {
  const closeOut = item.project.closeOut;
  if (closeOut.round !== ref.round) return reviewCard(item, botText('This card was out of date: here is the latest.'));
  if (action !== 'evaluation' && closeOut.status !== 'submitted') {
    return reviewCard(item, botText('This close-out was already decided, so nothing was changed.'));
  }
  const read = readForm(REVIEW_FORM, inputs, { known: { decision: action } });
  const evaluation = read.ok ? evaluationOf(read.values) : undefined;
  if (!read.ok || (action === 'evaluation' && !evaluation)) {
    const typed = typedOnForm(REVIEW_FORM, inputs);
    return read.ok
      ? evaluationMissingCard(item, typed)
      : buildPpiReviewCard(item.loaded.value, item.project, item.directorates, {
          notice: read.message,
          errors: read.errors,
          typed,
        });
  }
  const by = { id: turn.actor.id, name: turn.actor.name };
  const now = deps.now();
  const comment = typeof read.values.comment === 'string' ? read.values.comment : undefined;
  const write = await applyProjectChange(deps, item.loaded, (pir, project) =>
    action === 'evaluation'
      ? evaluated(project, evaluation ?? {}, by, now)
      : reviewed(
          pir,
          project,
          ref.round,
          { accept: action === 'accept', ...(comment ? { comment } : {}), ...(evaluation ? { evaluation } : {}) },
          by,
          now,
        ),
  );
  if (write.status !== 'applied') {
    const latest = write.status === 'refused' ? reviewedAgain(write.current, item) : item;
    return reviewCard(latest, botText('Someone else decided this first, so your decision was not recorded.'));
  }
  const saved = reviewedAgain(write.saved, item);
  const pir = saved.loaded.value;
  await deps.audit.append(pir.id, {
    at: now.toISOString(),
    actor: by,
    action: ACTIONS[action],
    ...(comment ? { comment } : {}),
  });
  if (action !== 'evaluation') await deps.deliverNow(roundWork('decision', pir.reference ?? '', ref.round, now));
  turn.log.info({ pirId: pir.id, action }, 'close-out reviewed');
  return reviewCard(saved, action === 'accept' ? md`Closed by ${by.name}.` : undefined);
}

function evaluationMissingCard(item: Reviewed, typed: Record<string, string>): AdaptiveCard {
  return buildPpiReviewCard(item.loaded.value, item.project, item.directorates, {
    notice: botText('Please type the Patient Partners’ evaluation first.'),
    typed,
  });
}
