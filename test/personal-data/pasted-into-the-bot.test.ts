import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { normaliseText } from '../../src/personal-data/normalise-text.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { referenceData } from '../../src/reference-data/reference-data.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData, inputValue } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { setUpPpiChannel, submitRequest } from '../pir/pir-helpers.js';
import { engagement, yswd } from '../records/record-fixtures.js';

/*
 * Personal data pasted the way Word, Outlook and phones paste it, sent through the real bot (teams-ai Application,
 * Azurite tables): it is refused, nothing is stored, and the card shown back holds the masked value, not the number.
 */

const NHS_WITH_NBSP = '943\u00a0476\u00a05919';
const NHS_DIGITS = '9434765919';
const NOW = new Date('2026-11-23T10:00:00Z');

/** Whether `text` holds the digits in any disguise (other scripts, invisible characters, any separators). */
function holds(text: string, digits: string): boolean {
  return normaliseText(text)
    .text.replace(/[^0-9]/g, '')
    .includes(digits);
}

function expectMaskedCard(card: AdaptiveCard | undefined, id: string, shown: string, digits = NHS_DIGITS): void {
  expect(validateCard(card)).toEqual([]);
  expect(inputValue(card, id)).toBe(shown);
  expect(holds(JSON.stringify(card), digits)).toBe(false);
}

describe('personal data pasted into the bot is refused, not stored, and shown back masked', () => {
  it('a PIR step: an NHS number with non-breaking spaces', async () => {
    const h = await BotHarness.start({ now: NOW });
    let card = (await h.say(people.lead, 'new request')).cards[0];
    card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers.basics }))
      .card;
    const refused = await h.click(people.lead, PirVerb.next, {
      ...actionData(card, PirVerb.next),
      ...stepAnswers.intelligence,
      intelligence: `Mrs X (NHS number ${NHS_WITH_NBSP}) waited six hours in the discharge lounge.`,
    });
    expect(cardText(refused.card)).toContain('Step 2 of 8');
    expect(cardText(refused.card)).toContain('contains an NHS number, so I have hidden it (•••)');
    expectMaskedCard(
      refused.card,
      'intelligence',
      'Mrs X (NHS number 943 ••• ••••) waited six hours in the discharge lounge.',
    );
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers.intelligence).toBeUndefined();
    expect(pir?.position).not.toBe('groups');
    expect(holds(JSON.stringify(pir), NHS_DIGITS)).toBe(false);
  });

  it('a PIR step: "Save and finish later" does not store it either', async () => {
    const h = await BotHarness.start({ now: NOW });
    const card = (await h.say(people.lead, 'new request')).cards[0];
    const refused = await h.click(people.lead, PirVerb.save, {
      ...actionData(card, PirVerb.save),
      title: `Follow-up for ９４３\u200b４７６\u200b５９１９`,
    });
    expectMaskedCard(refused.card, 'title', 'Follow-up for 943•••••••');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers.title).toBeUndefined();
    expect(holds(JSON.stringify(pir), NHS_DIGITS)).toBe(false);
  });

  it('an engagement record form: an NHS number with non-breaking spaces', async () => {
    const h = await BotHarness.start({ now: NOW });
    const category = (await h.say(people.lead, 'log engagement')).cards[0];
    const form = await h.click(people.lead, RecordVerb.category, {
      ...actionData(category, RecordVerb.category),
      category: 'involving',
    });
    const refused = await h.click(people.lead, RecordVerb.save, {
      ...actionData(form.card, RecordVerb.save),
      ...engagement,
      collated: `Most wanted plainer words; one asked us to ring about ${NHS_WITH_NBSP}.`,
    });
    expect(cardText(refused.card)).toContain('Nothing was saved: please remove the patient-identifiable details');
    expectMaskedCard(refused.card, 'collated', 'Most wanted plainer words; one asked us to ring about 943 ••• ••••.');
    expect(inputValue(refused.card, 'project')).toBe(engagement.project);
    expect(await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'engagement' })).toEqual([]);
  });

  it('the champion check-in card: a phone number in full-width digits', async () => {
    const h = await BotHarness.start({ now: NOW });
    await h.say(people.champion, "I'm a champion for Finance");
    h.clock = new Date('2027-01-04T10:00:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const ref = { championId: people.champion.id, cycle: '2027-01-04T09:30:00.000Z' };
    const refused = await h.click(people.champion, ChampionVerb.nothing, {
      ...ref,
      whyNot: 'Waiting for Mr Y to call back on ０７７００\u00a0９００１２３.',
    });
    expect(cardText(refused.card)).toContain('contains a phone number, so I have hidden it (•••)');
    expectMaskedCard(refused.card, 'whyNot', 'Waiting for Mr Y to call back on 077•• ••••••.', '07700900123');
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.cycle?.answer).toBeUndefined();
  });

  it('the PPI team’s assessment comment: an NHS number with zero-width spaces', async () => {
    const h = await BotHarness.start({ now: NOW });
    await setUpPpiChannel(h);
    await h.install(people.lead);
    await submitRequest(h);
    const message = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
    if (!message || typeof message === 'string') throw new Error('no assessment card');
    const refused = await h.click(
      people.admin,
      PirVerb.decide,
      {
        ...actionData(message.card, PirVerb.decide),
        decision: 'request-changes',
        comment: 'Please remove the patient example (943\u200b476\u200b5919) from question 1.',
      },
      ppiChannel,
    );
    expect(cardText(refused.card)).toContain('contains an NHS number, so I have hidden it (•••)');
    expectMaskedCard(refused.card, 'comment', 'Please remove the patient example (943•••••••) from question 1.');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.status).toBe('submitted');
    expect(holds(JSON.stringify(await h.bot.stores.audit.list(pir?.id ?? '')), NHS_DIGITS)).toBe(false);
  });

  it('the "You said, we did" sign-off comment: an email address with a full-width @', async () => {
    const h = await BotHarness.start({ now: NOW });
    const form = (await h.say(people.lead, 'you said we did')).cards[0];
    await h.click(people.lead, RecordVerb.save, { ...actionData(form, RecordVerb.save), ...yswd });
    const card = (await h.say(people.admin, 'approvals', ppiChannel)).cards[0];
    const refused = await h.click(
      people.admin,
      RecordVerb.sendBack,
      { ...actionData(card, RecordVerb.sendBack), comment: 'Ask the visitor (jo.bloggs＠nhs．net) first.' },
      ppiChannel,
    );
    expect(cardText(refused.card)).toContain('contains an email address, so I have hidden it (•••)');
    expect(validateCard(refused.card)).toEqual([]);
    expect(inputValue(refused.card, 'comment')).toBe('Ask the visitor (j•••@•••.net) first.');
    expect(JSON.stringify(refused.card)).not.toMatch(/bloggs/);
    const [item] = await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'yswd' });
    expect(item?.approval?.status).toBe('pending');
  });

  it('a directorate name typed by an admin: refused and not added', async () => {
    const h = await BotHarness.start({ now: NOW });
    const before = await h.bot.stores.lists.directorates.entries();
    const refused = await h.say(people.admin, 'add directorate Renal (ask Jo on 07700\u00a0900123)');
    expect(refused.texts[0]).toContain('contains a phone number');
    expect(refused.texts[0]).not.toContain('hidden');
    expect(holds(refused.texts.join(' '), '07700900123')).toBe(false);
    expect(await h.bot.stores.lists.directorates.entries()).toEqual(before);
    const priority = await h.say(people.admin, 'add quality priority Faster care for SW1A 1AA');
    expect(priority.texts[0]).toContain('contains a full postcode');
    const renamed = await h.say(people.admin, 'rename directorate Finance to Finance (ring 07700 900123)');
    expect(renamed.texts[0]).toContain('contains a phone number');
    expect((await h.bot.stores.lists.qualityPriorities.entries()).map((e) => e.id)).toEqual(
      referenceData.qualityPriorities.map((e) => e.id),
    );
    expect(await h.bot.stores.lists.directorates.entries()).toEqual(before);
  });

  it('a directorate name echoed back when it is not found is masked', async () => {
    const h = await BotHarness.start({ now: NOW });
    const reply = await h.say(people.champion, "I'm a champion for SW1A\u00a01AA");
    expect(cardText(reply.cards[0])).toContain("I don't know the directorate “SW1A •••”");
  });
});
