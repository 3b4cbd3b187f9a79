import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from '../bot/turn.js';

const parsed = new WeakMap<object, Template>();

/** Expands an Adaptive Card template (cards/*.json) with typed data. No I/O, no decisions. Templates are parsed once. */
export function renderCard<TData extends object>(template: object, data: TData): AdaptiveCard {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new Template(template);
    parsed.set(template, compiled);
  }
  return compiled.expand({ $root: data }) as AdaptiveCard;
}
