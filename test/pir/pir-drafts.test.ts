import { describe, expect, it } from 'vitest';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { buttonTitled, cardButtons, inputOf } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { stepAnswers } from './pir-fixtures.js';
import { actionData, setUpPpiChannel, submitRequest } from './pir-helpers.js';

/** The value an input shows on a card, by its id. */
const inputValue = (card: unknown, id: string) => inputOf(card, id)?.value;

async function atStep2(h: BotHarness) {
  const step1 = (await h.say(people.lead, 'new request')).cards[0];
  return (await h.click(people.lead, PirVerb.next, { ...actionData(step1, PirVerb.next), ...stepAnswers.basics })).card;
}

describe('never losing what a lead typed', () => {
  it('Back keeps the answers typed on the current step', async () => {
    const h = await BotHarness.start();
    const step2 = await atStep2(h);
    const typed = 'Friends and Family Test comments about waiting for medicines.';
    const back = await h.click(people.lead, PirVerb.back, { ...actionData(step2, PirVerb.back), intelligence: typed });
    expect(cardText(back.card)).toContain('Step 1 of 8');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers.intelligence).toBe(typed);
    const forward = await h.click(people.lead, PirVerb.next, {
      ...actionData(back.card, PirVerb.next),
      ...stepAnswers.basics,
    });
    expect(inputValue(forward.card, 'intelligence')).toBe(typed);
  });

  it('shows each limit on the card, cuts no paste, and keeps an over-long answer to shorten', async () => {
    const h = await BotHarness.start();
    const step2 = await atStep2(h);
    expect(cardText(step2)).toContain('Up to 2,000 characters.');
    expect(JSON.stringify(step2)).not.toContain('maxLength');
    const paste = `${'Patients told us about the discharge lounge. '.repeat(60)}End.`;
    const refused = await h.click(people.lead, PirVerb.next, {
      ...actionData(step2, PirVerb.next),
      intelligence: paste,
    });
    expect(cardText(refused.card)).toContain(
      `Please shorten this to 2,000 characters or fewer: it is ${paste.length.toLocaleString('en-GB')}.`,
    );
    expect(inputValue(refused.card, 'intelligence')).toBe(paste.trim());
    expect(validateCard(refused.card)).toEqual([]);
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers.intelligence).toBeUndefined();
  });

  it('says “(required)” for what is required, including what an earlier answer made required', async () => {
    const h = await BotHarness.start();
    let card = await atStep2(h);
    for (const step of ['intelligence', 'groups', 'involvement', 'influence', 'equality'] as const) {
      card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers[step] }))
        .card;
    }
    const plans = cardText(card);
    expect(plans).toContain('If so, what are your plans to engage with this group? (required)');
    expect(plans).toContain('You chose: Age.');
  });
});

describe('drafts', () => {
  it('`continue` with several drafts asks which; a draft can be discarded after a question', async () => {
    const h = await BotHarness.start();
    await atStep2(h);
    h.clock = new Date(h.clock.getTime() + 60_000);
    const second = (await h.say(people.lead, 'new request')).cards[0];
    await h.click(people.lead, PirVerb.save, { ...actionData(second, PirVerb.save), title: 'Ward 7 visiting hours' });

    const which = (await h.say(people.lead, 'continue')).cards[0];
    expect(validateCard(which)).toEqual([]);
    expect(cardText(which)).toContain('Which request would you like to carry on with?');
    expect(cardButtons(which).filter((b) => b.title === 'Continue')).toHaveLength(2);

    const discard = buttonTitled(which, 'Discard “Ward 7 visiting hours”');
    const ask = await h.click(people.lead, discard.verb, discard.data);
    expect(cardText(ask.card)).toContain('Discard “Ward 7 visiting hours”?');
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(2);
    const sure = buttonTitled(ask.card, 'Discard it');
    const done = await h.click(people.lead, sure.verb, sure.data);
    expect(cardText(done.card)).toContain('Discarded “Ward 7 visiting hours”.');
    const left = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(left.map((p) => p.answers.title)).toEqual([stepAnswers.basics.title]);
    const twice = await h.click(people.lead, sure.verb, sure.data);
    expect(cardText(twice.card)).toContain('That draft has been discarded.');
    const audit = await h.bot.stores.audit.list(String(discard.data.pirId));
    expect(audit.map((e) => e.action)).toEqual(['Draft discarded by its lead']);

    const one = (await h.say(people.lead, 'continue')).cards[0];
    expect(cardText(one)).toContain('Step 2 of 8');
  });

  it('starting a new request again (an old card, a double click) reuses the empty draft', async () => {
    const h = await BotHarness.start();
    await h.say(people.lead, 'new request');
    await h.click(people.lead, PirVerb.start, {});
    await h.say(people.lead, 'start a new request');
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(1);
  });

  it('a submitted request cannot be discarded, and `status` lists the lead’s requests as buttons', async () => {
    const h = await BotHarness.start();
    await setUpPpiChannel(h);
    await submitRequest(h);
    const mine = (await h.say(people.lead, 'my requests')).cards[0];
    expect(cardButtons(mine).map((b) => b.title)).toEqual(['Status', 'Start a new request']);
    const forged = await h.click(people.lead, PirVerb.discard, {
      pirId: (await h.bot.stores.pirs.listForLead(people.lead.id))[0]?.id,
    });
    expect(cardText(forged.card)).toContain('Only a draft that was never submitted can be discarded.');

    const choose = (await h.say(people.lead, 'status')).cards[0];
    expect(cardText(choose)).toContain('PIR-2026-0001');
    const status = buttonTitled(choose, 'Status');
    // Status runs `status PIR-…` (its answer a new message) and the list stays, to choose another.
    const shown = await h.click(people.lead, status.verb, status.data);
    const statusCard = shown.replies[0]?.attachments?.[0]?.content;
    expect(cardText(statusCard)).toContain('PIR-2026-0001');
    expect(validateCard(statusCard)).toEqual([]);
    expect(shown.card).toEqual(choose);
    // A forged button for someone else's request runs the command with its own policy: nothing is shown.
    const other = await h.click(people.otherLead, status.verb, status.data);
    expect(other.texts.join(' ')).toContain("I couldn't find");
    expect(JSON.stringify(other.replies)).not.toContain('Redesigning the discharge lounge');
  });
});

describe('calm answers to a double click', () => {
  it('Next clicked twice shows the same next step twice, and saves once', async () => {
    const h = await BotHarness.start();
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const data = { ...actionData(step1, PirVerb.next), ...stepAnswers.basics };
    const first = await h.click(people.lead, PirVerb.next, data);
    const second = await h.click(people.lead, PirVerb.next, data);
    expect(second.card).toEqual(first.card);
    expect(cardText(second.card)).not.toContain('out of date');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.revision).toBe(2);
  });

  it('Save and finish later clicked twice says “saved” twice', async () => {
    const h = await BotHarness.start();
    const step2 = await atStep2(h);
    const data = { ...actionData(step2, PirVerb.save), intelligence: 'Complaints about waiting times.' };
    const first = await h.click(people.lead, PirVerb.save, data);
    const second = await h.click(people.lead, PirVerb.save, data);
    expect(cardText(first.card)).toContain('is saved');
    expect(second.card).toEqual(first.card);
  });
});
