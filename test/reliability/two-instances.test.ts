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
    const rounds = 5;
    let wins = 0;
    let both = 0;
    let neither = 0;
    let told = 0;
    for (let round = 0; round < rounds; round++) {
      const before = data.revision;
      const [one, two] = await Promise.all([
        a.click(people.lead, PirVerb.save, { ...data, ...stepAnswers.basics, title: `From A ${round}` }),
        b.click(people.lead, PirVerb.save, { ...data, ...stepAnswers.basics, title: `From B ${round}` }),
      ]);
      const texts = [cardText(one.card), cardText(two.card)];
      const [pir] = await a.bot.stores.pirs.listForLead(people.lead.id);
      const winner = pir?.answers.title ?? '';
      // One edit is stored (the revision moved by exactly one), the other was not applied: its user is told so and
      // shown what is stored (no silent divergence).
      const moved = (pir?.revision ?? 0) - Number(before);
      if ([`From A ${round}`, `From B ${round}`].includes(winner) && moved === 1) wins++;
      if (moved > 1) both++;
      if (moved < 1) neither++;
      const saved = texts.filter((t) => t.includes(`“${winner}” is saved`));
      const refused = texts.filter((t) => t.includes('nothing was changed') && t.includes(winner));
      if (saved.length === 1 && refused.length === 1) told++;
      data.revision = pir?.revision ?? data.revision;
    }
    const [pir] = await a.bot.stores.pirs.listForLead(people.lead.id);
    expect(wins).toBe(rounds);
    expect(told).toBe(rounds);
    expect(pir?.revision).toBe(1 + rounds);
    recordReliability({
      scenario: 'one request saved from two instances at once (ETags)',
      faults: rounds,
      expected: rounds,
      delivered: wins,
      duplicated: both,
      lost: neither,
      note: `${told} of ${rounds} races: one edit stored, the other user told and shown it`,
    });
  });
});
