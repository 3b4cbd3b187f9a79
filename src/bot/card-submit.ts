import type { CardData } from './router.js';

/**
 * A card button reaches the bot in one of two ways, and every card route answers both:
 * - `Action.Execute {verb, data}`: an `adaptiveCard/action` invoke; the answer is the card that replaces the clicked
 *   one, for the person who clicked (Teams desktop and web; Teams on iOS and Android sends nothing: an open bug).
 * - `Action.Submit {data: {verb, …data}}`: a message whose `value` is the data, the verb in it under this key, and the
 *   card's inputs beside it (every Teams client). The answer updates the card's message in place where it can.
 * `verb` is also teams-ai's default `actionSubmitFilter`.
 */
export const SUBMIT_VERB_KEY = 'verb';

function isRecord(value: unknown): value is CardData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The verb and data of an Action.Submit's value; undefined when it names no verb (not one of our buttons). */
export function readSubmitValue(value: unknown): { readonly verb: string; readonly data: CardData } | undefined {
  if (!isRecord(value)) return undefined;
  const { [SUBMIT_VERB_KEY]: verb, ...data } = value;
  return typeof verb === 'string' && verb !== '' ? { verb, data } : undefined;
}

/** The data an Action.Submit carries for a button: its own data with the verb added (the verb wins a clash). */
export function submitDataOf(verb: string, data: unknown): CardData {
  return { ...(isRecord(data) ? data : {}), [SUBMIT_VERB_KEY]: verb };
}
