import { describe, expect, it, onTestFailed } from 'vitest';
import { PLAYGROUND_PLACES } from '../../scripts/local/role-guide.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { stepAnswers, stepOrder } from '../pir/pir-fixtures.js';
import { actionData } from '../pir/pir-helpers.js';
import { cardOf, inConversation, threadOf, useLocalStack } from './helpers/local-stack.js';

/**
 * The whole Patient Involvement Request through the Agents Playground: a lead completes and submits a request in
 * personal chat, the assessment card appears in the PPI team channel, a PPI member accepts it, the lead is told.
 */
describe('Patient Involvement Request in the Agents Playground', () => {
  const stack = useLocalStack();
  const { personalChat, ppiTeamChannel } = PLAYGROUND_PLACES;

  it('goes from a lead’s request to the PPI team’s decision and back to the lead', { timeout: 90_000 }, async () => {
    onTestFailed(() => console.error(stack.recentLogs()));
    const client = stack.client;

    const setReply = await client.sayInChannel(ppiTeamChannel.id, 'set PPI team channel');
    expect(setReply.text).toContain('new Patient Involvement Requests will be posted here');

    const first = await client.say(personalChat.id, 'new request', 'Step 1 of 8');
    let card = first.cards[0] as AdaptiveCard;
    for (const step of stepOrder) {
      const response = await client.invoke(personalChat.id, first.messageId, PirVerb.next, {
        ...actionData(card, PirVerb.next),
        ...stepAnswers[step],
      });
      card = cardOf(response);
    }
    expect(JSON.stringify(card)).toContain('Review your request');

    let since = client.mark();
    const submitted = cardOf(
      await client.invoke(personalChat.id, first.messageId, PirVerb.submit, actionData(card, PirVerb.submit)),
    );
    const reference = /PIR-\d{4}-\d{4}/.exec(JSON.stringify(submitted))?.[0];
    expect(reference).toBeDefined();

    const assessment = await client.waitFor(
      (m) =>
        inConversation(m, ppiTeamChannel.id) &&
        m.text.includes(reference ?? '?') &&
        m.text.includes('Awaiting assessment'),
      15_000,
      since,
    );
    since = client.mark();
    const accepted = cardOf(
      await client.invoke(threadOf(assessment), assessment.messageId, PirVerb.decide, {
        ...actionData(assessment.cards[0] as AdaptiveCard, PirVerb.decide),
        decision: 'accept',
      }),
    );
    expect(JSON.stringify(accepted)).toContain('Accepted by');

    const decision = await client.waitFor(
      (m) => inConversation(m, personalChat.id) && m.text.includes(`${reference}: Accepted`),
      15_000,
      since,
    );
    expect(decision.cards).toHaveLength(1);
  });
});
