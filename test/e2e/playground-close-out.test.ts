import { describe, expect, it, onTestFailed } from 'vitest';
import { PLAYGROUND_PLACES } from '../../scripts/local/role-guide.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { CLOSE_OUT_STEPS } from '../../src/lifecycle/domain/close-out-steps.js';
import { LifecycleVerb } from '../../src/lifecycle/lifecycle-verbs.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { closeOutInputs } from '../lifecycle/lifecycle-helpers.js';
import { stepAnswers, stepOrder } from '../pir/pir-fixtures.js';
import { actionData } from '../pir/pir-helpers.js';
import { cardOf, inConversation, threadOf, useLocalStack } from './helpers/local-stack.js';

/**
 * A request followed to its outcome through the Agents Playground: submitted and accepted, then closed out by its lead
 * step by step; the close-out's review card appears in the PPI team channel, the PPI team accepts it with the Patient
 * Partners' evaluation, the lead is told, and the request's status is Closed.
 */
describe('close-out in the Agents Playground', () => {
  const stack = useLocalStack();
  const { personalChat, ppiTeamChannel } = PLAYGROUND_PLACES;

  it('closes out an accepted request and the PPI team accepts it', { timeout: 120_000 }, async () => {
    onTestFailed(() => console.error(stack.recentLogs()));
    const client = stack.client;
    await client.sayInChannel(
      ppiTeamChannel.id,
      'set PPI team channel',
      'new Patient Involvement Requests will be posted here',
    );

    const first = await client.say(personalChat.id, 'new request', 'Step 1 of 8');
    let card = first.cards[0] as AdaptiveCard;
    for (const step of stepOrder) {
      const data = { ...actionData(card, PirVerb.next), ...stepAnswers[step] };
      card = cardOf(await client.invoke(personalChat.id, first.messageId, PirVerb.next, data));
    }
    let since = client.mark();
    const submitted = cardOf(
      await client.invoke(personalChat.id, first.messageId, PirVerb.submit, actionData(card, PirVerb.submit)),
    );
    const reference = /PIR-\d{4}-\d{4}/.exec(JSON.stringify(submitted))?.[0] ?? '?';
    const assessment = await client.waitFor(
      (m) =>
        inConversation(m, ppiTeamChannel.id) && m.text.includes(reference) && m.text.includes('Awaiting assessment'),
      15_000,
      since,
    );
    await client.invoke(threadOf(assessment), assessment.messageId, PirVerb.decide, {
      ...actionData(assessment.cards[0] as AdaptiveCard, PirVerb.decide),
      decision: 'accept',
    });

    const opened = await client.say(personalChat.id, `close out ${reference}`, 'Step 1 of 6');
    card = opened.cards[0] as AdaptiveCard;
    const today = new Date().toISOString().slice(0, 10);
    for (const step of CLOSE_OUT_STEPS) {
      const inputs = step.id === 'told' ? { ...closeOutInputs.told, toldOn: today } : closeOutInputs[step.id];
      const data = { ...actionData(card, LifecycleVerb.next), ...inputs };
      card = cardOf(await client.invoke(personalChat.id, opened.messageId, LifecycleVerb.next, data));
    }
    expect(JSON.stringify(card)).toContain(`Close-out of ${reference}`);
    since = client.mark();
    const sent = cardOf(
      await client.invoke(
        personalChat.id,
        opened.messageId,
        LifecycleVerb.submit,
        actionData(card, LifecycleVerb.submit),
      ),
    );
    expect(JSON.stringify(sent)).toContain(`Close-out sent: ${reference}`);

    const review = await client.waitFor(
      (m) =>
        inConversation(m, ppiTeamChannel.id) && m.text.includes('Close-out for review') && m.text.includes(reference),
      15_000,
      since,
    );
    since = client.mark();
    const accepted = cardOf(
      await client.invoke(threadOf(review), review.messageId, LifecycleVerb.accept, {
        ...actionData(review.cards[0] as AdaptiveCard, LifecycleVerb.accept),
        evaluationOwn: 'We were listened to and saw our ideas used.',
      }),
    );
    expect(JSON.stringify(accepted)).toContain('Closed by');
    await client.waitFor(
      (m) => inConversation(m, personalChat.id) && m.text.includes(`${reference}: closed`),
      15_000,
      since,
    );
    const status = await client.say(personalChat.id, `status ${reference}`, 'Stage: Closed');
    expect(status.text).toContain('Rung reached');
  });
});
