import type { CardText } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import type { Pir } from '../domain/pir.js';
import type { PirLists } from '../domain/step-fields.js';
import { buildReviewCard } from './review-card.js';
import { buildStepCard } from './step-card.js';

/** The card for where a draft stands now: its current step, or the review. */
export function buildPositionCard(pir: Pir, lists: PirLists, notice?: CardText): AdaptiveCard {
  return pir.position === 'review'
    ? buildReviewCard(pir, lists, notice)
    : buildStepCard(pir, pir.position, lists, notice ? { notice } : {});
}
