import type { AdaptiveCard } from '../../src/bot/turn.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import type { BotHarness } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { type Person, people } from '../helpers/people.js';
import { stepAnswers, stepOrder } from './pir-fixtures.js';

export { actionData };

/** Starts a request and answers every step with valid answers; returns the review card. */
export async function fillRequest(h: BotHarness, lead: Person = people.lead): Promise<AdaptiveCard> {
  let card = (await h.say(lead, 'new request')).cards[0];
  for (const step of stepOrder) {
    const result = await h.click(lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers[step] });
    card = result.card;
  }
  if (!card) throw new Error('no review card');
  return card;
}

export async function setUpPpiChannel(h: BotHarness): Promise<void> {
  await h.install(people.admin, ppiChannel);
  await h.say(people.admin, 'set PPI team channel', ppiChannel);
}

export async function submitRequest(h: BotHarness, lead: Person = people.lead) {
  const review = await fillRequest(h, lead);
  return h.click(lead, PirVerb.submit, actionData(review, PirVerb.submit));
}
