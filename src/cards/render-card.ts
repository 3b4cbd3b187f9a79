import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from '../bot/turn.js';

/** Expands an Adaptive Card template (cards/*.json) with typed data. No I/O, no decisions. */
export function renderCard<TData extends object>(template: object, data: TData): AdaptiveCard {
  const card = new Template(template).expand({ $root: data }) as AdaptiveCard;
  return card;
}
