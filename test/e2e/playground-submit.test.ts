import { describe, expect, it, onTestFailed } from 'vitest';
import { PLAYGROUND_PLACES } from '../../scripts/local/role-guide.js';
import { SUBMIT_VERB_KEY } from '../../src/bot/card-submit.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { cardButtons } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { type BotMessage, type PlaygroundClient, useLocalStack } from './helpers/local-stack.js';

/** The button's Action.Submit data (its verb in it) as the Playground would send it, with the inputs typed. */
function submitValue(card: unknown, verb: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const button = cardButtons(card).find((b) => b.verb === verb);
  if (button?.type !== 'Action.Submit') throw new Error(`No Action.Submit ${verb} button on the card`);
  return { ...button.data, [SUBMIT_VERB_KEY]: verb, ...inputs };
}

/** Presses an Action.Submit button and waits (15 s) for the bot to update that card in place with `expected`. */
async function pressInPlace(
  client: PlaygroundClient,
  conversationId: string,
  message: BotMessage,
  value: Record<string, unknown>,
  expected: string,
): Promise<BotMessage> {
  const since = client.mark();
  await client.submit(conversationId, message.messageId, value);
  return client.waitFor(
    (m) => m.action === 'updateMessage' && m.messageId === message.messageId && m.text.includes(expected),
    15_000,
    since,
  );
}

/**
 * CARD_ACTIONS=submit in the Agents Playground (which, like Teams on phones, handles Action.Submit): the cards carry
 * Action.Submit buttons, a lead completes a request step and a champion answers a check-in, each card updated in place.
 */
describe('Action.Submit cards in the Agents Playground (CARD_ACTIONS=submit)', () => {
  const stack = useLocalStack({ CARD_ACTIONS: 'submit' });
  const { personalChat } = PLAYGROUND_PLACES;

  it('completes a request step and a check-in answer, each card updated in place', { timeout: 90_000 }, async () => {
    onTestFailed(() => console.error(stack.recentLogs()));
    const client = stack.client;

    const step1 = await client.say(personalChat.id, 'new request', 'Step 1 of 8');
    const card = step1.cards[0] as AdaptiveCard;
    expect(JSON.stringify(card)).not.toContain('Action.Execute');
    expect(validateCard(card)).toEqual([]);
    const step2 = await pressInPlace(
      client,
      personalChat.id,
      step1,
      submitValue(card, PirVerb.next, stepAnswers.basics),
      'Step 2 of 8',
    );
    expect(cardButtons(step2.cards[0]).map((b) => b.type)).toContain('Action.Submit');

    await client.say(personalChat.id, "I'm a champion for Finance", 'registered as a partnership champion');
    const nudge = await client.say(personalChat.id, 'nudge me now', 'Were patients involved in');
    const answered = await pressInPlace(
      client,
      personalChat.id,
      nudge,
      submitValue(nudge.cards[0], ChampionVerb.nothing, { whyNot: 'Year-end accounts only this time.' }),
      'Your next check-in is due',
    );
    expect(answered.text).not.toContain('out of date');
  });
});
