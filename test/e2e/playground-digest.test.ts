import { describe, expect, it, onTestFailed } from 'vitest';
import { PLAYGROUND_PLACES } from '../../scripts/local/role-guide.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { actionData } from '../helpers/card-actions.js';
import { threadOf, useLocalStack } from './helpers/local-stack.js';

const JOBS_SECRET = 'e2e-jobs-secret-at-least-24-characters';

/**
 * Managers' digest through the Agents Playground: the PPI team subscribes the Managers channel, a lead records a
 * "You said, we did" item, the PPI team signs it off, the digests job is triggered, and the digest is read in the channel.
 */
describe('"You said, we did" digest in the Agents Playground', () => {
  const stack = useLocalStack({ JOBS_SECRET });
  const { personalChat, managersChannel, ppiTeamChannel } = PLAYGROUND_PLACES;

  it('subscribes a channel, records and signs off an item, and shows it in the digest', {
    timeout: 90_000,
  }, async () => {
    onTestFailed(() => console.error(stack.recentLogs()));
    const client = stack.client;

    const subscribed = await client.sayInChannel(managersChannel.id, 'subscribe digest monthly');
    expect(subscribed.text).toContain('monthly “You said, we did” digest');

    const form = await client.say(personalChat.id, 'you said we did', 'You said');
    const today = new Date().toISOString().slice(0, 10);
    const saved = (await client.invoke(personalChat.id, form.messageId, RecordVerb.save, {
      ...actionData(form.cards[0] as AdaptiveCard, RecordVerb.save),
      directorate: 'finance',
      youSaid: 'The waiting room was too cold.',
      outcome: 'we-did',
      weDid: 'Heating fixed and blankets offered.',
      status: 'done',
      date: today,
      joint: 'true',
    })) as { value?: unknown };
    expect(JSON.stringify(saved.value)).toContain('The PPI team will sign it off');

    const signOff = await client.sayInChannel(ppiTeamChannel.id, 'approvals', 'The waiting room was too cold.');
    const approved = (await client.invoke(threadOf(signOff), signOff.messageId, RecordVerb.approve, {
      ...actionData(signOff.cards[0] as AdaptiveCard, RecordVerb.approve),
    })) as { value?: unknown };
    expect(JSON.stringify(approved.value)).toContain('Signed off by');

    const job = await fetch(`${stack.botUrl}/api/jobs/digests`, {
      method: 'POST',
      headers: { 'x-jobs-secret': JOBS_SECRET },
    });
    expect(job.status).toBe(202);

    const digest = await client.sayInChannel(managersChannel.id, 'digest now');
    expect(digest.text).toContain('The waiting room was too cold.');
    expect(digest.text).toContain('We said, we did');
  });
});
