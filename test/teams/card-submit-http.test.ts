import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { TENANT_ID } from '../helpers/activities.js';
import { actionData, cardButtons } from '../helpers/card-actions.js';
import { type ConnectorCall, FakeConnector } from '../helpers/fake-connector.js';
import { people } from '../helpers/people.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';
import { stepAnswers } from '../pir/pir-fixtures.js';

/**
 * Action.Submit over the real HTTP endpoint, answered through a local Bot Connector: the press is a message, the
 * answer a PUT of the clicked card's message, or a new message when Teams will not update it.
 */
describe('Action.Submit through the HTTP endpoint and the Bot Connector', () => {
  let connector: FakeConnector;
  let running: RunningBot;
  let next = 1;
  beforeAll(async () => {
    connector = await FakeConnector.start();
    running = await startRunningBot();
  });
  afterAll(async () => {
    await running.stop();
    await connector.stop();
  });

  const conversationId = `a:personal-${people.lead.id}`;
  const post = (body: Record<string, unknown>) =>
    fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `http-submit-${next++}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: people.lead.channelUserId, aadObjectId: people.lead.id, name: people.lead.name },
        recipient: { id: '28:bot', name: 'PPI Partner' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
        ...body,
      }),
    });
  const cardIn = (call: ConnectorCall | undefined): AdaptiveCard => {
    const attachments = call?.body.attachments as { content?: AdaptiveCard }[] | undefined;
    const card = attachments?.[0]?.content;
    if (!card) throw new Error(`no card in ${JSON.stringify(call?.body)}`);
    return card;
  };

  it('sends Action.Submit buttons by default, and a press updates the card’s message in place', async () => {
    expect((await post({ type: 'message', text: 'new request' })).status).toBeLessThan(300);
    const sent = connector.deliveredTo(conversationId).at(-1);
    const step1 = cardIn(sent);
    expect(cardButtons(step1).map((b) => b.type)).toContain('Action.Submit');
    const value = { ...actionData(step1, PirVerb.next), ...stepAnswers.basics, verb: PirVerb.next };
    const before = connector.calls.length;
    expect((await post({ type: 'message', replyToId: sent?.activityId, value })).status).toBeLessThan(300);
    const answered = connector.calls.slice(before);
    expect(answered.map((c) => [c.method, c.status])).toEqual([['PUT', 200]]);
    expect(answered[0]?.path).toContain(`/activities/${sent?.activityId}`);
    expect(JSON.stringify(cardIn(answered[0]))).toContain('Step 2 of 8');
  });

  it('answers with a new message when Teams refuses the update (the message is gone)', async () => {
    await post({ type: 'message', text: 'new request' });
    const sent = connector.deliveredTo(conversationId).at(-1);
    const value = { ...actionData(cardIn(sent), PirVerb.next), ...stepAnswers.basics, verb: PirVerb.next };
    connector.setFaults(({ method }) => (method === 'PUT' ? { status: 404 } : undefined));
    const before = connector.calls.length;
    try {
      expect((await post({ type: 'message', replyToId: sent?.activityId, value })).status).toBeLessThan(300);
    } finally {
      connector.clearFaults();
    }
    const answered = connector.calls.slice(before);
    expect(answered.map((c) => [c.method, c.status])).toEqual([
      ['PUT', 404],
      ['POST', 201],
    ]);
    expect(JSON.stringify(cardIn(answered[1]))).toContain('Step 2 of 8');
  });
});
