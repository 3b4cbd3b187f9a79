import { submitDataOf } from '../bot/card-submit.js';
import { type AdaptiveCard, CARDS_AS_BUILT, type OutgoingCards } from '../bot/turn.js';
import { withSchemaVersion } from './schema-version.js';

function toSubmit(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toSubmit);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, toSubmit(value)]));
  if (copy.type !== 'Action.Execute') return copy;
  const { verb, data, ...rest } = copy;
  return { ...rest, type: 'Action.Submit', data: submitDataOf(String(verb), data) };
}

/**
 * The card with every `Action.Execute {verb, data}` (at any depth: inside an ActionSet or a ShowCard too) turned into
 * `Action.Submit {data: {…data, verb}}`, its other properties (title, associatedInputs) kept, and the card's version
 * declared again for what it now uses. The one place the `CARD_ACTIONS=submit` setting changes a card: applied to
 * every card the bot sends (src/app.ts gives it to the Teams seam), so features build Action.Execute only.
 */
export function withSubmitActions(card: AdaptiveCard): AdaptiveCard {
  return withSchemaVersion(toSubmit(card) as AdaptiveCard);
}

/** What is done to each card the bot sends, by CARD_ACTIONS: `execute` sends cards as built. */
export function outgoingCardsFor(cardActions: 'execute' | 'submit'): OutgoingCards {
  return cardActions === 'submit' ? withSubmitActions : CARDS_AS_BUILT;
}
