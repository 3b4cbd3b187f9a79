import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { managersChannel, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText, cardVerbs, expectJustAfter } from '../helpers/bot-harness.js';
import { actionData, buttonTitles, inputValue } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';

// Registered Monday 23 November 2026; first nudge due Monday 4 January 2027 09:30 (GMT).
const REGISTERED = new Date('2026-11-23T10:00:00Z');
const DUE = '2027-01-04T09:30:00.000Z';
const ref = { championId: people.champion.id, cycle: DUE };

function cardOf(message: unknown): AdaptiveCard {
  return (message as { card: AdaptiveCard }).card;
}

/** A registered champion whose first nudge has just gone out (recorded by the harness messenger). */
async function nudged(): Promise<BotHarness> {
  const h = await BotHarness.start({ clock: 'moving', now: REGISTERED });
  await h.say(people.champion, "I'm a champion for Finance");
  h.clock = new Date('2027-01-04T10:00:00Z');
  await h.bot.scheduler.runOnce(NUDGE_JOB);
  return h;
}

describe('answering a nudge (the card updates in place)', () => {
  it('asks the toolkit’s question about the champion’s own cadence, with quick answers', async () => {
    const h = await nudged();
    expect(h.messenger.sent).toHaveLength(1);
    const card = cardOf(h.messenger.sent[0]?.message);
    expect(cardText(card)).toContain(
      "Were patients involved in Finance's work in the last 6 weeks? And if not, why not?",
    );
    expect(cardText(card)).toContain('Partnership champions · check-in every 6 weeks');
    expect(cardText(card)).toContain('Work went ahead without patients');
    expect(cardText(card)).toContain('No relevant work this time');
    // One Snooze button: inside it "In a week" and "On a date…" (the date field is shown only for a date).
    expect(cardVerbs(card)).toEqual([
      ChampionVerb.log,
      ChampionVerb.nothing,
      ChampionVerb.noWork,
      ChampionVerb.snooze,
      ChampionVerb.snooze,
    ]);
    const titles = buttonTitles(card);
    expect(titles.filter((t) => /snooze/i.test(t))).toEqual(['Snooze']);
    expect(titles).toEqual(expect.arrayContaining(['In a week', 'On a date…', 'Ask me on this date']));
    expect(h.messenger.sent[0]?.message).toMatchObject({
      summary: 'Were patients involved in your directorate’s work in the last 6 weeks?',
    });
    expectJustAfter(
      (await h.bot.stores.champions.get(people.champion.id))?.value.cycle?.nudgedAt,
      '2027-01-04T10:00:00.000Z',
    );
  });

  it('"work went ahead without patients" needs why not, then sets the next due date six weeks out', async () => {
    const h = await nudged();
    const empty = await h.click(people.champion, ChampionVerb.nothing, { ...ref, whyNot: '  ' });
    expect(cardText(empty.card)).toContain('Please answer “Why were patients not involved”.');
    const done = await h.click(people.champion, ChampionVerb.nothing, {
      ...ref,
      whyNot: 'Budget work only.',
      idea: 'Invite a Patient Partner to budget setting',
    });
    expect(cardText(done.card)).toContain('noted that the work went ahead without patients');
    expect(cardText(done.card)).toContain('Your next check-in is due Monday 15 February 2027');
    const stored = (await h.bot.stores.champions.get(people.champion.id))?.value;
    expect(stored?.cycle).toMatchObject({
      answer: 'without-patients',
      whyNot: 'Budget work only.',
      idea: 'Invite a Patient Partner to budget setting',
    });
    expect(stored?.nextDueAt).toBe('2027-02-15T09:30:00.000Z');
  });

  it('"no relevant work this time" needs no reason and is not an opt-out', async () => {
    const h = await nudged();
    const done = await h.click(people.champion, ChampionVerb.noWork, { ...ref, whyNot: '' });
    expect(cardText(done.card)).toContain('Thank you: noted that there was no relevant work this time.');
    const stored = (await h.bot.stores.champions.get(people.champion.id))?.value;
    expect(stored?.cycle?.answer).toBe('no-relevant-work');
    expect(stored?.cycle).not.toHaveProperty('whyNot');
    expectJustAfter(stored?.lastResponseAt, '2027-01-04T10:00:00.000Z');
  });

  it('asks about the champion’s own cadence: every 8 weeks is “the last 8 weeks”', async () => {
    const h = await BotHarness.start({ now: REGISTERED });
    await h.say(people.champion, "I'm a champion for Finance");
    await h.say(people.champion, 'nudge me every 8 weeks');
    h.clock = new Date('2027-01-18T10:00:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const card = cardOf(h.messenger.sent[0]?.message);
    expect(cardText(card)).toContain("Were patients involved in Finance's work in the last 8 weeks?");
    expect(cardText(card)).toContain('check-in every 8 weeks');
  });

  it('answers a double click or an old card plainly, changing nothing', async () => {
    const h = await nudged();
    await h.click(people.champion, ChampionVerb.nothing, { ...ref, whyNot: 'Quiet period.' });
    const before = await h.bot.stores.champions.get(people.champion.id);
    const again = await h.click(people.champion, ChampionVerb.snooze, { ...ref, snooze: 'week' });
    expect(cardText(again.card)).toContain('This check-in was already answered on Monday 4 January 2027');
    const old = await h.click(people.champion, ChampionVerb.nothing, { ...ref, cycle: '2026-11-01T09:30:00.000Z' });
    expect(cardText(old.card)).toContain('from an earlier check-in');
    expect(await h.bot.stores.champions.get(people.champion.id)).toEqual(before);
  });

  it('a double click on Save records once and shows the same thank-you both times', async () => {
    const h = await nudged();
    const data = { ...ref, whyNot: 'Year-end accounts.' };
    const [one, two] = await Promise.all([
      h.click(people.champion, ChampionVerb.nothing, data),
      h.click(people.champion, ChampionVerb.nothing, data),
    ]);
    const later = await h.click(people.champion, ChampionVerb.nothing, data);
    expect(cardText(one.card)).toContain('Thank you: noted that the work went ahead without patients');
    expect(cardText(two.card)).toBe(cardText(one.card));
    expect(cardText(later.card)).toBe(cardText(one.card));
    const stored = (await h.bot.stores.champions.get(people.champion.id))?.value;
    expect(stored?.cycle).toMatchObject({ answer: 'without-patients', whyNot: 'Year-end accounts.' });
    expect(stored?.pastCycles ?? []).toEqual([]);
    // Another answer on the answered card is still told plainly.
    const other = await h.click(people.champion, ChampionVerb.snooze, { ...ref, snooze: 'week' });
    expect(cardText(other.card)).toContain('already answered');
  });

  it('refuses someone else answering with a forged card, and garbage payloads', async () => {
    const h = await nudged();
    const forged = await h.click(people.lead, ChampionVerb.nothing, { ...ref, whyNot: 'Not mine to say.' });
    expect(cardText(forged.card)).toBe(refusal.championOrDeputy);
    for (const data of [{}, { championId: 42 }, { championId: 'x'.repeat(10_000), cycle: DUE }, null]) {
      const reply = await h.click(people.champion, ChampionVerb.nothing, data);
      expect(reply.invokeStatus).toBe(200);
      expect(cardText(reply.card)).toMatch(/out of date or incomplete|no longer registered/);
    }
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.cycle?.answer).toBeUndefined();
  });

  it('refuses personal data and over-long answers, keeping what was typed', async () => {
    const h = await nudged();
    const nhs = await h.click(people.champion, ChampionVerb.nothing, {
      ...ref,
      whyNot: 'Patient 943 476 5919 said no',
    });
    expect(cardText(nhs.card)).toContain('NHS number');
    const long = await h.click(people.champion, ChampionVerb.nothing, { ...ref, whyNot: 'x'.repeat(10_000) });
    expect(cardText(long.card)).toContain('Please shorten this to 1,000 characters or fewer: it is 10,000.');
    expect(JSON.stringify(long.card)).toContain('x'.repeat(10_000));
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.cycle?.answer).toBeUndefined();
  });

  it('snoozes for a week or to a date, and explains a date in the past', async () => {
    const h = await nudged();
    const past = await h.click(people.champion, ChampionVerb.snooze, { ...ref, snooze: 'date', until: '2026-12-01' });
    expect(cardText(past.card)).toContain('already passed');
    const week = await h.click(people.champion, ChampionVerb.snooze, { ...ref, snooze: 'week' });
    expect(cardText(week.card)).toContain("Snoozed: I'll ask again on Monday 11 January 2027");
    h.clock = new Date('2027-01-11T10:05:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    expect(h.messenger.sent).toHaveLength(2);
  });

  it('hands the check-in to the deputy, who can answer it', async () => {
    const h = await BotHarness.start({ clock: 'moving', now: REGISTERED });
    await h.say(people.champion, "I'm a champion for Finance");
    const named = await h.say(people.champion, 'my deputy is', managersChannel, [people.deputy]);
    expect(named.texts[0]).toContain('Dee Deputy is now your deputy');
    h.clock = new Date('2027-01-04T10:00:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    expect(cardVerbs(cardOf(h.messenger.sent[0]?.message))).toContain(ChampionVerb.deputy);

    const handed = await h.click(people.champion, ChampionVerb.deputy, ref);
    expect(cardText(handed.card)).toContain('Passed to Dee Deputy');
    expect(cardVerbs(handed.card)).not.toContain(ChampionVerb.deputy);
    await h.click(people.champion, ChampionVerb.deputy, ref);
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const toDeputy = h.messenger.sentTo(`personal-${people.deputy.channelUserId}`);
    expect(toDeputy).toHaveLength(1);
    expect(cardText(cardOf(toDeputy[0]?.message))).toContain('Chris Champion asked you to answer for Finance');

    const answered = await h.click(people.deputy, ChampionVerb.nothing, { ...ref, whyNot: 'Year-end accounts.' });
    expect(cardText(answered.card)).toContain('Thank you');
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.cycle?.answeredBy).toBe(people.deputy.id);
  });

  it('sends at most one follow-up after five working days, then lists the champion as "no response"', async () => {
    const h = await nudged();
    for (const day of ['2027-01-08', '2027-01-11', '2027-01-12', '2027-01-18', '2027-01-25']) {
      h.clock = new Date(`${day}T10:00:00Z`);
      await h.bot.scheduler.runOnce(NUDGE_JOB);
    }
    const sent = h.messenger.sent.map((s) => cardText(cardOf(s.message)));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('a gentle reminder');
    const list = await h.say(people.admin, 'champions', managersChannel);
    expect(list.texts[0]).toContain('Chris Champion (no response;');
  });

  it('pausing stops the nudge; resuming after the due date asks at the next working slot', async () => {
    const h = await BotHarness.start({ clock: 'moving', now: REGISTERED });
    await h.say(people.champion, "I'm a champion for Finance");
    await h.say(people.champion, 'pause nudges');
    h.clock = new Date('2027-01-04T10:00:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    expect(h.messenger.sent).toHaveLength(0);
    h.clock = new Date('2027-01-09T12:00:00Z'); // Saturday
    const resumed = await h.say(people.champion, 'resume nudges');
    expect(resumed.texts[0]).toContain('Monday 11 January 2027');
    h.clock = new Date('2027-01-11T09:45:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    expect(h.messenger.sent).toHaveLength(1);
  });
});

describe('nudge now', () => {
  it('sends a champion their check-in at once, at any hour, and only once', async () => {
    const h = await BotHarness.start({ clock: 'moving', now: new Date('2026-11-28T21:00:00Z') }); // a Saturday evening
    expect((await h.say(people.champion, 'nudge me now')).texts[0]).toContain("You're not registered");
    await h.say(people.champion, "I'm a champion for Finance");
    const sent = await h.say(people.champion, 'nudge me now');
    // In the champion's own 1:1 chat the check-in card is the one answer: no "Sent Chris Champion's check-in…".
    expect(sent.replies).toEqual([]);
    expect(h.messenger.sent).toHaveLength(1);
    expect(cardText(cardOf(h.messenger.sent[0]?.message))).toContain("Were patients involved in Finance's work");
    const again = await h.say(people.champion, 'nudge me now');
    expect(again.texts).toEqual(['Your check-in is already here, above.']);
    expect(h.messenger.sent).toHaveLength(1);
    const stored = (await h.bot.stores.champions.get(people.champion.id))?.value;
    expectJustAfter(stored?.cycle?.dueAt, '2026-11-28T21:00:00.000Z');
  });

  it('lets the PPI team nudge a champion by @mention, and nobody else', async () => {
    const h = await BotHarness.start({ clock: 'moving', now: REGISTERED });
    await h.say(people.champion, "I'm a champion for Finance");
    const refused = await h.say(people.lead, 'nudge now', managersChannel, [people.champion]);
    expect(refused.texts).toEqual([refusal.ppiTeam]);
    const done = await h.say(people.admin, 'nudge now', managersChannel, [people.champion]);
    expect(done.texts[0]).toContain("Sent Chris Champion's check-in");
    expect(h.messenger.sent).toHaveLength(1);
  });
});

describe('log involvement', () => {
  const answer = {
    project: 'Outpatient letters',
    shaped: 'Patients rewrote the letter.',
    category: 'involving',
    rung: 'co-design',
    people: 12,
  };

  it('is an engagement record like any other: once (even on a double click), in my records, editable', async () => {
    const h = await nudged();
    const missing = await h.click(people.champion, ChampionVerb.log, { ...ref, ...answer, rung: 'nonsense' });
    expect(cardText(missing.card)).toContain('Please choose an option from the list.');
    expect(cardText(missing.card)).toContain('Outpatient letters');
    const noCategory = await h.click(people.champion, ChampionVerb.log, { ...ref, ...answer, category: '' });
    expect(cardText(noCategory.card)).toContain(
      'Please answer “Which category of engagement does the work fall into”.',
    );
    const people0 = await h.click(people.champion, ChampionVerb.log, { ...ref, ...answer, people: '-3' });
    expect(cardText(people0.card)).toContain('whole number from 0 to 100,000');
    const done = await h.click(people.champion, ChampionVerb.log, { ...ref, ...answer });
    expect(cardText(done.card)).toContain(
      'Thank you: logged “Outpatient letters” (Involving, Co-design, 12 people) as an engagement record.',
    );
    expect(cardText(done.card)).toContain('Your next check-in is due Monday 15 February 2027');
    const again = await h.click(people.champion, ChampionVerb.log, { ...ref, ...answer });
    expect(cardText(again.card)).toBe(cardText(done.card));
    expect(await h.bot.stores.involvements.listBetween('2027-01-01', '2027-01-31')).toEqual([]);
    const records = await h.bot.stores.records.listPeriod('2027-01-01', '2027-01-31', { kind: 'engagement' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: 'engagement',
      category: 'involving',
      directorate: 'finance',
      date: '2027-01-04',
      values: { project: 'Outpatient letters', shaped: 'Patients rewrote the letter.', rung: 'co-design', people: 12 },
      origin: { kind: 'check-in', championId: people.champion.id, cycle: DUE },
      author: { id: people.champion.id },
    });
    const stored = (await h.bot.stores.champions.get(people.champion.id))?.value;
    expect(stored?.cycle?.answer).toBe('involvement');
    expectJustAfter(stored?.lastResponseAt, '2027-01-04T10:00:00.000Z');

    const mine = await h.say(people.champion, 'my records');
    expect(cardText(mine.cards[0])).toContain(
      'Involving: Outpatient letters, 12 people (Monday 4 January 2027) from a champion check-in',
    );
    const edit = await h.click(people.champion, RecordVerb.edit, actionData(mine.cards[0], RecordVerb.edit));
    expect(cardText(edit.card)).toContain('How did patients/communities/people shape this piece of work?');
    expect(inputValue(edit.card, 'category')).toBe('involving');
    const saved = await h.click(people.champion, RecordVerb.save, {
      ...actionData(edit.card, RecordVerb.save),
      directorate: 'finance',
      date: '2027-01-04',
      ...answer,
      category: 'co-production',
      people: '14',
    });
    expect(cardText(saved.card)).toContain('Changes saved.');
    const [edited] = await h.bot.stores.records.listPeriod('2027-01-01', '2027-01-31', { kind: 'engagement' });
    expect(edited).toMatchObject({ category: 'co-production', values: { people: 14 }, revision: 2 });
    expect(edited?.origin).toEqual(records[0]?.origin);
  });
});

describe("the champions' six-weekly catch-up", () => {
  it('posts highlights in the champions channel every six weeks, once per cycle', async () => {
    const h = await nudged();
    await h.click(people.champion, ChampionVerb.log, {
      ...ref,
      project: 'Outpatient letters',
      shaped: 'Patients rewrote the letter.',
      category: 'engaging',
      rung: 'co-design',
      people: 12,
      idea: 'Share the letter template',
    });
    expect((await h.say(people.lead, 'set champions channel', managersChannel)).texts).toEqual([refusal.ppiAdmin]);
    await h.say(people.admin, 'add PPI team member', managersChannel, [people.member]);
    expect((await h.say(people.member, 'set champions channel', managersChannel)).texts).toEqual([refusal.ppiAdmin]);
    expect((await h.say(people.champion, 'catch-up now')).texts).toEqual([refusal.championsChannel]);
    const set = await h.say(people.admin, 'set champions channel', managersChannel);
    // Set Monday 4 January 2027: the first catch-up is six weeks on, Monday 15 February 2027.
    expect(set.texts[0]).toContain('The first is due Monday 15 February 2027');
    const audit = await h.bot.stores.audit.list('ppi-team');
    expect(audit.map((e) => [e.action, e.actor.id])).toContainEqual(['Champions’ channel set', people.admin.id]);
    // Only in the champions' channel, or for the PPI team anywhere.
    expect((await h.say(people.champion, 'catch-up now')).texts).toEqual([refusal.championsChannel]);
    expect((await h.say(people.champion, 'catch-up now', ppiChannel)).texts).toEqual([refusal.championsChannel]);
    const now = await h.say(people.champion, 'catch-up now', managersChannel);
    expect(cardText(now.cards[0])).toContain('Outpatient letters');
    expect(cardText(now.cards[0])).toContain('1 of 1');
    expect(cardText((await h.say(people.member, 'catch-up now')).cards[0])).toContain('Outpatient letters');

    h.clock = new Date('2027-02-15T10:00:00Z');
    const before = h.messenger.sent.length;
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const posted = h.messenger.sent
      .slice(before)
      .filter((s) => cardText(cardOf(s.message)).includes('Partnership champions · catch-up every'));
    expect(posted).toHaveLength(1);
    const posted0 = cardText(cardOf(posted[0]?.message));
    expect(posted0).toContain('Patients rewrote the letter. (Co-design)');
    expect(posted0).toContain('Ideas, challenges and achievements');
    expect(posted0).toContain('Share the letter template');
    expect(posted0).toContain('No champion reported work without patients in this period.');
  });
});
