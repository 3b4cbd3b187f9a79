import type { CardText } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { Choice } from '../../reference-data/reference-data.js';
import type { CloseOut, Project } from '../domain/project.js';
import { buildCloseOutReviewCard } from './close-out-review-card.js';
import { buildCloseOutStepCard } from './close-out-step-card.js';

/** The card for where the lead's close-out stands now: its current step, or the review. */
export function buildCloseOutPositionCard(
  pir: Pir,
  project: Project & { readonly closeOut: CloseOut },
  linkable: readonly Choice[],
  notice?: CardText,
): AdaptiveCard {
  const position = project.closeOut.position;
  return position === 'review'
    ? buildCloseOutReviewCard(pir, project, linkable, notice)
    : buildCloseOutStepCard(pir, project, position, linkable, notice ? { notice } : {});
}
