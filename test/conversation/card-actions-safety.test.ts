import { describe, expect, it } from 'vitest';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { OLD_SUBMIT, STALE_BUTTON } from '../../src/fallback/register-fallback.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { makeCardSubmit, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText, type PressedAs } from '../helpers/bot-harness.js';
import { actionData, cardButtons } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { fillRequest, setUpPpiChannel, submitRequest } from '../pir/pir-helpers.js';

const WAYS: readonly PressedAs[] = ['execute', 'submit'];

/** The bot as deployed by default (CARD_ACTIONS unset), or with the setting given. */
const start = (env: Record<string, string> = {}) => BotHarness.start({ env });

describe('double clicks, stale cards and forged data behave the same either way', () => {
  for (const way of WAYS) {
    it(`${way}: a double click on Submit submits once and says so`, async () => {
      const h = await start();
      await setUpPpiChannel(h);
      const review = await fillRequest(h);
      const data = actionData(review, PirVerb.submit);
      const first = await h.press(way, people.lead, PirVerb.submit, data);
      const second = await h.press(way, people.lead, PirVerb.submit, data);
      expect(cardText(first.card)).toContain('Submitted: PIR-2026-0001');
      expect(cardText(second.card)).toContain('Already submitted as PIR-2026-0001');
      expect(h.messenger.sentTo(ppiChannel.channelId)).toHaveLength(1);
      expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(1);
    });

    it(`${way}: an old step card shows the current step and changes nothing`, async () => {
      const h = await start();
      const step1 = (await h.say(people.lead, 'new request')).cards[0];
      const data = { ...actionData(step1, PirVerb.next), ...stepAnswers.basics };
      await h.press(way, people.lead, PirVerb.next, data);
      const stale = await h.press(way, people.lead, PirVerb.next, { ...data, title: 'Changed by a double click' });
      expect(cardText(stale.card)).toContain('out of date');
      expect(cardText(stale.card)).toContain('Step 2 of 8');
      const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
      expect(pir?.answers.title).toBe(stepAnswers.basics.title);
    });

    it(`${way}: forged and garbage data get "out of date", another person's card is refused, nothing stored`, async () => {
      const h = await start();
      await h.say(people.champion, "I'm a champion for Finance");
      h.clock = new Date('2027-01-04T10:00:00Z');
      await h.bot.scheduler.runOnce(NUDGE_JOB);
      const sent = h.messenger.sent[0]?.message;
      const nudge = typeof sent === 'object' ? sent.card : undefined;
      const ref = actionData(nudge, ChampionVerb.nothing);
      const forged = await h.press(way, people.lead, ChampionVerb.nothing, { ...ref, whyNot: 'Not mine to say.' });
      expect(cardText(forged.card)).toBe(refusal.championOrDeputy);
      for (const data of [{}, { championId: 42 }, { championId: 'x'.repeat(10_000), cycle: ref.cycle }, null]) {
        const reply = await h.press(way, people.champion, ChampionVerb.nothing, data);
        expect(cardText(reply.card)).toMatch(/out of date or incomplete|no longer registered/);
      }
      expect((await h.bot.stores.champions.get(people.champion.id))?.value.cycle?.answer).toBeUndefined();
    });

    it(`${way}: an unknown verb from an old card gets the "no longer available" card`, async () => {
      const h = await start();
      const reply = await h.press(way, people.lead, 'pir.retired-verb', { pirId: 'x' });
      expect(cardText(reply.card)).toContain(STALE_BUTTON);
    });
  }

  it('an Action.Submit that names no verb (someone else’s old card) is answered plainly in a 1:1 chat', async () => {
    const h = await start();
    const reply = await h.process({ ...makeCardSubmit(people.lead, '', {}), value: { title: 'x' } });
    expect(reply.texts).toEqual([OLD_SUBMIT]);
    expect(reply.updated).toEqual([]);
  });
});

describe('Action.Submit answers: in place where Teams allows', () => {
  it('updates the clicked card for a handled press', async () => {
    const h = await start();
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const next = await h.submit(people.lead, PirVerb.next, {
      ...actionData(step1, PirVerb.next),
      ...stepAnswers.basics,
    });
    expect(next.updated.map((a) => a.id)).toEqual(['card-1']);
    expect(next.replies).toEqual([]);
    expect(cardText(next.card)).toContain('Step 2 of 8');
  });

  it('in a channel, a refusal is a new message (the shared card stays for the others; Execute shows it on the card); a decision updates it', async () => {
    const h = await start();
    await setUpPpiChannel(h);
    await h.install(people.lead);
    await submitRequest(h);
    const sent = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
    const card = typeof sent === 'object' ? sent.card : undefined;
    const data = { ...actionData(card, PirVerb.decide), decision: 'accept' };

    const submitted = await h.submit(people.manager, PirVerb.decide, data, ppiChannel);
    expect(submitted.updated).toEqual([]);
    expect(submitted.texts).toEqual([refusal.ppiTeam]);
    const executed = await h.click(people.manager, PirVerb.decide, data, ppiChannel);
    expect(cardText(executed.card)).toContain(refusal.ppiTeam);
    expect(cardText(executed.card)).toContain('Awaiting assessment');

    const forged = await h.submit(people.admin, PirVerb.decide, { decision: 'accept' }, ppiChannel);
    expect(forged.updated).toEqual([]);
    expect(forged.texts).toEqual(['This card is out of date or incomplete, so nothing was changed.']);
    expect((await h.bot.stores.pirs.listForLead(people.lead.id))[0]?.status).toBe('submitted');

    const accepted = await h.submit(people.admin, PirVerb.decide, data, ppiChannel);
    expect(accepted.updated.map((a) => a.id)).toContain('card-1');
    expect(cardText(accepted.card)).toContain('Accepted by Pat PPI-Admin');
  });

  it('with no card message to update (no replyToId), answers with a new message', async () => {
    const h = await start();
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const press = makeCardSubmit(people.lead, PirVerb.next, {
      ...actionData(step1, PirVerb.next),
      ...stepAnswers.basics,
    });
    const reply = await h.process({ ...press, replyToId: undefined });
    expect(reply.updated).toEqual([]);
    expect(cardText(reply.card)).toContain('Step 2 of 8');
  });
});

describe('CARD_ACTIONS decides the buttons on every card the bot sends', () => {
  it('submit (the default): Action.Submit with the verb in its data, on replies, updates and proactive posts', async () => {
    const h = await start();
    expect(h.config.cardActions).toBe('submit');
    await setUpPpiChannel(h);
    await h.install(people.lead);
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const step2 = (
      await h.submit(people.lead, PirVerb.next, { ...actionData(step1, PirVerb.next), ...stepAnswers.basics })
    ).card;
    await submitRequest(h);
    const posted = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
    for (const card of [step1, step2, typeof posted === 'object' ? posted.card : undefined]) {
      const buttons = cardButtons(card);
      expect(buttons.length).toBeGreaterThan(0);
      expect(new Set(buttons.map((b) => b.type))).toEqual(new Set(['Action.Submit']));
      expect(JSON.stringify(card)).not.toContain('Action.Execute');
      expect(validateCard(card)).toEqual([]);
    }
  });

  it('execute: Action.Execute with its verb, as the cards are built', async () => {
    const h = await start({ CARD_ACTIONS: 'execute' });
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const buttons = cardButtons(step1);
    expect(buttons.length).toBeGreaterThan(0);
    expect(new Set(buttons.map((b) => b.type))).toEqual(new Set(['Action.Execute']));
    expect(validateCard(step1)).toEqual([]);
  });

  it('a card sent before the setting changed still works after a restart with the other setting', async () => {
    const h = await start({ CARD_ACTIONS: 'execute' });
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    await h.restart({ CARD_ACTIONS: 'submit' });
    const step2 = await h.click(people.lead, PirVerb.next, {
      ...actionData(step1, PirVerb.next),
      ...stepAnswers.basics,
    });
    expect(cardText(step2.card)).toContain('Step 2 of 8');
    expect(cardButtons(step2.card).every((b) => b.type === 'Action.Submit')).toBe(true);
    await h.restart({ CARD_ACTIONS: 'execute' });
    const step3 = await h.submit(people.lead, PirVerb.next, {
      ...actionData(step2.card, PirVerb.next),
      ...stepAnswers.intelligence,
    });
    expect(cardText(step3.card)).toContain('Step 3 of 8');
    expect(cardButtons(step3.card).every((b) => b.type === 'Action.Execute')).toBe(true);
  });
});
