import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from '../bot/turn.js';
import { withSchemaVersion } from './schema-version.js';

const parsed = new WeakMap<object, Template>();

/** One element of a card (a container, an input, a text block), as rendered from a part template. */
export type CardElement = Readonly<Record<string, unknown>>;

function expand(template: object, data: object): unknown {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new Template(template);
    parsed.set(template, compiled);
  }
  return compiled.expand({ $root: data });
}

/**
 * Expands an Adaptive Card template (cards/*.json) with typed data, and declares on the card the lowest schema
 * version what it rendered needs (src/cards/schema-version.ts). No I/O, no decisions. Templates are parsed once.
 */
export function renderCard<TData extends object>(template: object, data: TData): AdaptiveCard {
  return withSchemaVersion(expand(template, data) as AdaptiveCard);
}

/** Expands a part of a card (cards/parts/*.json) that several cards share, such as a form field. */
export function renderPart<TData extends object>(template: object, data: TData): CardElement {
  return expand(template, data) as CardElement;
}
