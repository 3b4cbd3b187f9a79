import { describe, expect, it, onTestFailed } from 'vitest';
import { PLAYGROUND_PLACES } from '../../scripts/local/role-guide.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { computeNextDue } from '../../src/calendar/due-date.js';
import { formatUkDate } from '../../src/calendar/format-uk-date.js';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/working-hours.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { actionData } from '../helpers/card-actions.js';
import { useLocalStack } from './helpers/local-stack.js';

const JOBS_SECRET = 'e2e-jobs-secret-at-least-24-characters';

/**
 * A champion in the Agents Playground: registers, the nudges job is triggered through its endpoint, the check-in
 * arrives in the 1:1 chat, the champion logs involvement, the card updates and the next one is six weeks out.
 */
describe('partnership champion nudge in the Agents Playground', () => {
  const stack = useLocalStack({ JOBS_SECRET });
  const { personalChat } = PLAYGROUND_PLACES;

  it('registers, receives the nudge, logs involvement, and is next asked six weeks out', {
    timeout: 90_000,
  }, async () => {
    onTestFailed(() => console.error(stack.recentLogs()));
    const client = stack.client;

    const registered = await client.say(
      personalChat.id,
      "I'm a champion for Finance",
      'registered as a partnership champion',
    );
    expect(registered.text).toContain('Finance');

    const job = await fetch(`${stack.botUrl}/api/jobs/nudges`, {
      method: 'POST',
      headers: { 'x-jobs-secret': JOBS_SECRET },
    });
    expect(job.status).toBe(202);

    // The first nudge is six weeks away; a champion can ask for it now (at any hour, unlike the scheduled job).
    const nudge = await client.say(personalChat.id, 'nudge me now', 'Were patients involved in');
    const card = nudge.cards[0] as AdaptiveCard;
    const response = (await client.invoke(personalChat.id, nudge.messageId, ChampionVerb.log, {
      ...actionData(card, ChampionVerb.log),
      project: 'Outpatient letters',
      shaped: 'Patients rewrote the appointment letter wording.',
      category: 'involving',
      rung: 'co-design',
      people: 12,
    })) as { value?: unknown };
    const updated = JSON.stringify(response.value);
    expect(updated).toContain('Thank you: logged “Outpatient letters”');
    const sixWeeks = formatUkDate(computeNextDue(new Date(), 42, DEFAULT_WORKING_HOURS));
    expect(updated).toContain(`Your next check-in is due ${sixWeeks}`);
  });
});
