import { describe, expect, it } from 'vitest';
import { placeRefusal } from '../../src/bot/refusals.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { personal, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';

// Sunday 22 November 2026, 10:00 UK: 42 days later is Sunday 3 January 2027, so the first nudge moves to Monday 4 January.
const now = new Date('2026-11-22T10:00:00Z');

describe('partnership champions: registration', () => {
  it.each(["I'm a champion for Finance", 'I’m a partnership champion for finance', 'I am a champion for the PMO'])(
    'registers from “%s” with the first nudge on a working day six weeks out',
    async (text) => {
      const h = await BotHarness.start({ clock: 'moving', now });
      const reply = await h.say(people.champion, text);
      expect(reply.texts[0]).toMatch(/registered as a partnership champion for (Finance|PMO)/);
      expect(reply.texts[0]).toContain('Every 6 weeks');
      expect(reply.texts[0]).toContain('Monday 4 January 2027');
      const stored = (await h.bot.stores.champions.get(people.champion.id))?.value;
      expect(stored?.nextDueAt).toBe('2027-01-04T09:30:00.000Z');
      expect(stored?.personalReference).toBeDefined();
    },
  );

  it('offers the live list as a picker for an unknown directorate, storing nothing until one is chosen', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    const reply = await h.say(people.champion, "I'm a champion for Astrology");
    expect(cardText(reply.cards[0])).toContain("I don't know the directorate “Astrology”");
    expect(cardText(reply.cards[0])).toContain('Finance');
    expect(await h.bot.stores.champions.get(people.champion.id)).toBeUndefined();
    const registered = await h.click(people.champion, ChampionVerb.register, { directorate: 'finance' });
    expect(cardText(registered.card)).toContain('registered as a partnership champion for Finance');
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.directorate).toBe('finance');
  });

  it('asks which directorate when none is given, from the list as admins changed it', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    await h.say(people.admin, 'add directorate Digital Services');
    await h.say(people.admin, 'remove directorate Finance');
    for (const text of ["I'm a champion", 'I am a partnership champion', 'register as a champion']) {
      const asked = await h.say(people.champion, text);
      const picker = cardText(asked.cards[0]);
      expect(picker, text).toContain('Which directorate are you a champion for?');
      expect(picker).toContain('Your directorate (required)');
      expect(picker).toContain('Digital Services');
      expect(picker).not.toContain('Finance');
    }
    const refused = await h.click(people.champion, ChampionVerb.register, { directorate: 'finance' });
    expect(cardText(refused.card)).toContain('Please choose an option from the list.');
    expect(await h.bot.stores.champions.get(people.champion.id)).toBeUndefined();
    const chosen = actionData((await h.say(people.champion, "I'm a champion")).cards[0], ChampionVerb.register);
    const done = await h.click(people.champion, ChampionVerb.register, { ...chosen, directorate: 'digital-services' });
    expect(cardText(done.card)).toContain('partnership champion for Digital Services');
  });

  it('lets a PPI team member register someone by @mention, and refuses anyone else', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    const refused = await h.say(people.manager, 'add champion for Finance', ppiChannel, [people.deputy]);
    expect(refused.texts).toEqual([refusal.ppiTeam]);
    expect((await h.say(people.admin, 'add champion for Finance', personal, [people.deputy])).texts).toEqual([
      refusal.channel,
    ]);
    const done = await h.say(people.admin, 'add champion for Finance', ppiChannel, [people.deputy]);
    expect(done.texts[0]).toBe('Dee Deputy is now a partnership champion for Finance.');
    const stored = (await h.bot.stores.champions.get(people.deputy.id))?.value;
    expect(stored?.teamReference).toBeDefined();
    expect(stored?.person.channelUserId).toBe(people.deputy.channelUserId);
  });

  it('pauses and resumes nudges, and says so when the person is not a champion', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    expect((await h.say(people.lead, 'pause nudges')).texts[0]).toContain("You're not registered");
    await h.say(people.champion, "I'm a champion for Finance");
    expect((await h.say(people.champion, 'pause nudges')).texts[0]).toContain('Nudges paused');
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.status).toBe('paused');
    expect((await h.say(people.champion, 'resume nudges')).texts[0]).toContain('Nudges resumed');
  });

  it('shows the PPI team the champions by directorate, and nobody else', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    await h.say(people.champion, "I'm a champion for Finance");
    await h.say(people.deputy, "I'm a champion for IT");
    expect((await h.say(people.manager, 'champions', ppiChannel)).texts).toEqual([refusal.ppiTeam]);
    const list = (await h.say(people.admin, 'champions', ppiChannel)).texts[0] ?? '';
    expect(list).toContain(
      '**Finance**: Chris Champion (not yet nudged; last response: no response yet; next nudge: Monday 4 January 2027)',
    );
    expect(list.indexOf('Finance')).toBeLessThan(list.indexOf('**IT**'));
  });
});

describe('directorates are data, editable by PPI admins', () => {
  it('lets an admin add and retire directorates, and champions register for added ones', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    const refused = await h.say(people.member, 'add directorate Digital Services');
    expect(refused.texts).toEqual([refusal.ppiAdmin]);
    expect((await h.say(people.admin, 'add directorate Digital Services')).texts[0]).toBe(
      'Added Digital Services to the directorates. Leads can choose it on a request, champions can register for it, and records, digests and reports name it.',
    );
    expect((await h.say(people.admin, 'add directorate digital services')).texts[0]).toBe(
      'Digital Services is already on the directorates.',
    );
    expect((await h.say(people.champion, "I'm a champion for Digital Services")).texts[0]).toContain(
      'registered as a partnership champion for Digital Services',
    );
    expect((await h.say(people.admin, 'remove directorate Finance')).texts[0]).toContain('Retired Finance');
    const list = (await h.say(people.lead, 'directorates')).texts[0] ?? '';
    expect(list).toContain('- Digital Services');
    expect(list).not.toContain('- Finance');
    expect(list).toContain('No longer offered (still named where they were used): Finance.');
    expect(cardText((await h.say(people.deputy, "I'm a champion for Finance")).cards[0])).toContain(
      "I don't know the directorate",
    );
    const champions = (await h.say(people.admin, 'champions', ppiChannel)).texts[0] ?? '';
    expect(champions).toContain('**Digital Services**: Chris Champion');
    await h.say(people.admin, 'rename directorate Digital Services to Digital and Data');
    const renamed = (await h.say(people.admin, 'champions', ppiChannel)).texts[0] ?? '';
    expect(renamed).toContain('**Digital and Data**: Chris Champion');
    expect(renamed).toContain('Fewer than 2 active champions: ');
    expect(renamed).toMatch(/Fewer than 2 active champions: [^\n]*Clinical Quality \(0\)[^\n]*Digital and Data \(1\)/);
  });

  it('refuses an empty or over-long name', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    expect((await h.say(people.admin, `add directorate ${'x'.repeat(200)}`)).texts[0]).toContain('up to 80 characters');
    expect((await h.say(people.admin, 'add directorate !!!')).texts[0]).toContain("Please give the directorate's name");
  });
});

describe('cadence per champion', () => {
  it('changes how often one champion is asked, within 1 to 52 weeks', async () => {
    const h = await BotHarness.start({ clock: 'moving', now });
    expect((await h.say(people.lead, 'nudge me every 8 weeks')).texts[0]).toContain("You're not registered");
    await h.say(people.champion, "I'm a champion for Finance");
    // Registered Sunday 22 November 2026; 8 weeks on is Sunday 17 January 2027, so Monday 18 January.
    expect((await h.say(people.champion, 'nudge me every 8 weeks')).texts[0]).toBe(
      'Done: every 8 weeks. Your next check-in is due Monday 18 January 2027.',
    );
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.cadenceDays).toBe(56);
    expect((await h.say(people.champion, 'nudge me every 0 weeks')).texts[0]).toContain('between 1 and 52 weeks');
    expect((await h.say(people.champion, 'nudge me every 400 days')).texts[0]).toContain('between 1 and 52 weeks');
    await h.say(people.champion, 'nudge me every 6 weeks');
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.cadenceDays).toBeUndefined();
  });
});

describe('the champions’ programme: buddies from another directorate', () => {
  it('pairs two champions both ways, refuses one from the same directorate, and lets the pair go', async () => {
    const h = await BotHarness.start({ now });
    await h.say(people.champion, "I'm a champion for Finance");
    await h.say(people.deputy, "I'm a champion for IT");
    await h.say(people.manager, "I'm a champion for Finance");
    expect((await h.say(people.champion, 'my buddy is', ppiChannel, [people.lead])).texts[0]).toBe(
      "Priya Lead is not a registered partnership champion, so they can't be your buddy yet.",
    );
    expect((await h.say(people.champion, 'my buddy is', ppiChannel, [people.manager])).texts[0]).toContain(
      'a buddy comes from outside it',
    );
    expect((await h.say(people.champion, 'my buddy is', personal, [people.deputy])).texts).toEqual([
      placeRefusal(['channel', 'groupChat']),
    ]);
    const paired = await h.say(people.champion, 'my buddy is', ppiChannel, [people.deputy]);
    expect(paired.texts[0]).toContain('Dee Deputy is now your buddy');
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.buddy).toMatchObject({
      id: people.deputy.id,
      directorate: 'it',
    });
    expect((await h.bot.stores.champions.get(people.deputy.id))?.value.buddy).toMatchObject({
      id: people.champion.id,
      directorate: 'finance',
    });
    const list = (await h.say(people.admin, 'champions', ppiChannel)).texts[0] ?? '';
    expect(list).toContain('buddy: Dee Deputy, IT');
    expect(list).toContain('buddy: Chris Champion, Finance');

    // A new pairing lets the old buddy go.
    const h2 = await BotHarness.start({ now });
    await h2.say(people.admin, 'add directorate Digital Services');
    for (const [who, where] of [
      [people.champion, 'Finance'],
      [people.deputy, 'IT'],
      [people.manager, 'Digital Services'],
    ] as const) {
      await h2.say(who, `I'm a champion for ${where}`);
    }
    await h2.say(people.champion, 'my buddy is', ppiChannel, [people.deputy]);
    await h2.say(people.champion, 'my buddy is', ppiChannel, [people.manager]);
    expect((await h2.bot.stores.champions.get(people.deputy.id))?.value.buddy).toBeUndefined();
    expect((await h2.bot.stores.champions.get(people.manager.id))?.value.buddy?.id).toBe(people.champion.id);
    expect((await h2.say(people.manager, 'no buddy')).texts[0]).toBe('Chris Champion is no longer your buddy.');
    expect((await h2.bot.stores.champions.get(people.champion.id))?.value.buddy).toBeUndefined();
    expect((await h2.say(people.manager, 'no buddy')).texts[0]).toBe('You have no buddy at the moment.');
  });
});
