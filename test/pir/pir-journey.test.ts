import { describe, expect, it } from 'vitest';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { stepAnswers } from './pir-fixtures.js';
import { actionData, fillRequest, setUpPpiChannel, submitRequest } from './pir-helpers.js';

describe('Patient Involvement Request: the lead’s journey', () => {
  it.each(['new request', 'start a PIR', 'Create a new request please', 'new patient involvement request'])(
    'starts from “%s” with step 1 of 8',
    async (text) => {
      const h = await BotHarness.start({ clock: 'moving' });
      const { cards } = await h.say(people.lead, text);
      expect(cardText(cards[0])).toContain('Step 1 of 8');
      expect(cardText(cards[0])).toContain('Project title');
    },
  );

  it('asks each step in turn, saves every answer, and shows everything on the review card', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    const review = await fillRequest(h);
    const text = cardText(review);
    expect(text).toContain('Review your request');
    expect(text).toContain(stepAnswers.basics.title);
    expect(text).toContain(stepAnswers.involvement.involvement);
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.status).toBe('draft');
    expect(pir?.position).toBe('review');
    expect(pir?.answers.whoDecides).toBe('Chief Pharmacist');
  });

  it('keeps the lead on the same step with clear messages when answers are missing or wrong, saving nothing', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const bad = await h.click(people.lead, PirVerb.next, {
      ...actionData(step1, PirVerb.next),
      ...stepAnswers.basics,
      title: '',
      startDate: '2027-01-10',
      endDate: '2026-12-01',
    });
    const text = cardText(bad.card);
    expect(text).toContain('Step 1 of 8');
    expect(text).toContain('Please answer “Project title”');
    expect(text).toContain('end date must be on or after the start date');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.revision).toBe(1);
    expect(pir?.answers).toEqual({});
  });

  it('refuses 10,000 characters with a length message', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const long = await h.click(people.lead, PirVerb.next, {
      ...actionData(step1, PirVerb.next),
      ...stepAnswers.basics,
      title: 'x'.repeat(10_000),
    });
    expect(cardText(long.card)).toMatch(/shorten this to 150 characters or fewer: it is 10,000\. Nothing was cut/);
    // The card shows every character typed, for the lead to shorten (no client-side limit cut the paste).
    expect(JSON.stringify(long.card)).toContain('x'.repeat(10_000));
  });

  it('will not store patient-identifiable data and says why', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    let card = (await h.say(people.lead, 'new request')).cards[0];
    card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers.basics }))
      .card;
    const refused = await h.click(people.lead, PirVerb.next, {
      ...actionData(card, PirVerb.next),
      intelligence: 'Mrs X (NHS number 943 476 5919, jo@example.com) waited six hours.',
    });
    expect(cardText(refused.card)).toMatch(/patient-identifiable/);
    expect(cardText(refused.card)).toContain('Step 2 of 8');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(JSON.stringify(pir)).not.toContain('943 476 5919');
    expect(pir?.answers.intelligence).toBeUndefined();
  });

  it('goes back a step with the saved answers filled in', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    let card = (await h.say(people.lead, 'new request')).cards[0];
    card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers.basics }))
      .card;
    const back = await h.click(people.lead, PirVerb.back, actionData(card, PirVerb.back));
    expect(cardText(back.card)).toContain('Step 1 of 8');
    expect(JSON.stringify(back.card)).toContain(stepAnswers.basics.title);
  });

  it('saves and finishes later, then resumes exactly there after a restart (state from Azurite)', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    let card = (await h.say(people.lead, 'new request')).cards[0];
    card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers.basics }))
      .card;
    card = (
      await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers.intelligence })
    ).card;
    const saved = await h.click(people.lead, PirVerb.save, {
      ...actionData(card, PirVerb.save),
      groupsAffected: 'Carers',
    });
    expect(cardText(saved.card)).toContain('is saved');
    await h.restart();
    const resumed = (await h.say(people.lead, 'continue')).cards[0];
    expect(cardText(resumed)).toContain('Step 3 of 8');
    expect(JSON.stringify(resumed)).toContain('Carers');
    const list = (await h.say(people.lead, 'my requests')).cards[0];
    expect(cardText(list)).toContain(stepAnswers.basics.title);
    expect(cardText(list)).toContain('Draft');
  });

  it('edits a section from the review and returns to the review', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    const review = await fillRequest(h);
    const edit = await h.click(people.lead, PirVerb.edit, { ...actionData(review, PirVerb.edit), step: 'groups' });
    expect(cardText(edit.card)).toContain('Step 3 of 8');
    expect(cardText(edit.card)).toContain('Save and return to review');
    const back = await h.click(people.lead, PirVerb.next, {
      ...actionData(edit.card, PirVerb.next),
      groupsAffected: 'Everyone on ward 7',
    });
    expect(cardText(back.card)).toContain('Review your request');
    expect(cardText(back.card)).toContain('Everyone on ward 7');
  });

  it('answers an old card or a double click with the current step and changes nothing', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    const step1 = (await h.say(people.lead, 'new request')).cards[0];
    const data = { ...actionData(step1, PirVerb.next), ...stepAnswers.basics };
    await h.click(people.lead, PirVerb.next, data);
    const second = await h.click(people.lead, PirVerb.next, { ...data, title: 'Changed by a double click' });
    expect(cardText(second.card)).toContain('out of date');
    expect(cardText(second.card)).toContain('Step 2 of 8');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers.title).toBe(stepAnswers.basics.title);
    expect(pir?.revision).toBe(2);
  });

  it('submits with a reference, posts the assessment card to the PPI channel, and refuses a second submit', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    await setUpPpiChannel(h);
    const review = await fillRequest(h);
    const submitted = await h.click(people.lead, PirVerb.submit, actionData(review, PirVerb.submit));
    expect(cardText(submitted.card)).toContain('Submitted: PIR-2026-0001');
    const posted = h.messenger.sentTo(ppiChannel.channelId);
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]?.message)).toContain('PIR-2026-0001');
    const posted0 = cardText(posted[0]?.message);
    expect(posted0).toContain('Aims for engagement or higher');
    expect(posted0).toContain('Groups that may be disproportionately affected: yes');
    expect(posted0).toContain('Patient Partners');
    expect(posted0).toContain('Regular meetings · Monthly for 90 minutes, online');
    expect(posted0).toContain('a) The project’s relevance to the Quality Strategy');
    expect(posted0).toContain('c) The extent to which the project is patient focused');
    expect(posted0).not.toContain('Late:');
    const again = await h.click(people.lead, PirVerb.submit, actionData(review, PirVerb.submit));
    expect(cardText(again.card)).toContain('Already submitted as PIR-2026-0001');
    expect(h.messenger.sentTo(ppiChannel.channelId)).toHaveLength(1);
  });

  it('does not let a lead open or change another lead’s request with a crafted card', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    await setUpPpiChannel(h);
    const review = await fillRequest(h);
    const forged = await h.click(people.otherLead, PirVerb.submit, actionData(review, PirVerb.submit));
    expect(cardText(forged.card)).toContain("couldn't find");
    await h.click(people.lead, PirVerb.submit, actionData(review, PirVerb.submit));
    const status = await h.say(people.otherLead, 'status PIR-2026-0001');
    expect(status.texts[0]).toContain("couldn't find a request PIR-2026-0001 that you can see");
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.status).toBe('submitted');
  });

  it('tells the lead to use a 1:1 chat when asked in a channel', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    const reply = await h.say(people.lead, 'new request', ppiChannel);
    expect(reply.texts).toEqual([refusal.personal]);
  });

  const MAX_LENGTHS: Readonly<Record<string, number>> = {
    title: 150,
    whoDecides: 300,
    partnerMeetings: 300,
    partnerRole: 1000,
  };

  it('keeps cards under 28 KB with every answer at its maximum length', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    await setUpPpiChannel(h);
    let card = (await h.say(people.lead, 'new request')).cards[0];
    const long = (n: number) => 'word '.repeat(n / 5).trim();
    for (const [step, answers] of Object.entries(stepAnswers)) {
      const filled = Object.fromEntries(
        Object.entries(answers).map(([k, v]) => [
          k,
          /Date|directorate|Priority|rung|support$|Characteristics|Groups$|disproportionate|Commitment/.test(k)
            ? v
            : long(MAX_LENGTHS[k] ?? 2000),
        ]),
      );
      card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...filled })).card;
      expect(cardText(card), step).not.toContain('highlighted below');
    }
    expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
    await h.click(people.lead, PirVerb.submit, actionData(card, PirVerb.submit));
    const posted = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
    expect(JSON.stringify(posted).length).toBeLessThan(28 * 1024);
    if (!posted || typeof posted === 'string') throw new Error('no card posted');
    const details = await h.click(people.admin, PirVerb.details, actionData(posted.card, PirVerb.details), ppiChannel);
    expect(JSON.stringify(details.card).length).toBeLessThan(28 * 1024);
    expect(cardText(details.card)).toContain(long(2000).slice(0, 1500));
  });

  it('gives two concurrent submits different references', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    await setUpPpiChannel(h);
    const [a, b] = await Promise.all([submitRequest(h, people.lead), submitRequest(h, people.otherLead)]);
    const refs = [cardText(a.card), cardText(b.card)].map((t) => /PIR-2026-\d{4}/.exec(t)?.[0]);
    expect(new Set(refs).size).toBe(2);
    expect(refs.sort()).toEqual(['PIR-2026-0001', 'PIR-2026-0002']);
  });
});
