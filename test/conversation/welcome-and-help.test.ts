import { describe, expect, it } from 'vitest';
import { HelpVerb } from '../../src/help/help-verbs.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { managersChannel, personal, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { buttonTitled, cardButtons } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';

/** The buttons of a help card's menu (each runs a command and keeps the card). */
const menuOf = (card: unknown) => cardButtons(card).filter((b) => b.verb === HelpVerb.run);
const commandsOf = (card: unknown) => menuOf(card).map((b) => b.data.command);

describe('the first minute: welcome, roles and help', () => {
  it('welcomes with three roles; each opens its short menu in place, whose buttons run and keep it there', async () => {
    const h = await BotHarness.start();
    const welcome = (await h.install(people.lead)).cards[0];
    expect(validateCard(welcome)).toEqual([]);
    expect(cardButtons(welcome).map((b) => b.title)).toEqual([
      'I’m leading a project',
      'I’m a partnership champion',
      'I’m in the PPI team',
    ]);
    const role = buttonTitled(welcome, 'I’m leading a project');
    const menu = await h.click(people.lead, role.verb, role.data);
    expect(validateCard(menu.card)).toEqual([]);
    expect(cardText(menu.card)).toContain('For project leads');
    expect(menuOf(menu.card).map((b) => b.title)).toEqual([
      'Start a new request',
      'Carry on with a draft',
      'My requests',
      'Where is my request?',
      'Log engagement',
      'My records',
    ]);

    const mine = buttonTitled(menu.card, 'My requests');
    const pressed = await h.click(people.lead, mine.verb, mine.data);
    // The command ran (its answer is a new message) and the menu stayed where it was, unchanged.
    expect(cardText(pressed.replies[0]?.attachments?.[0]?.content)).toContain('Your Patient Involvement Requests');
    expect(pressed.card).toEqual(menu.card);
    const start = buttonTitled(menu.card, 'Start a new request');
    const started = await h.click(people.lead, start.verb, start.data);
    expect(cardText(started.replies[0]?.attachments?.[0]?.content)).toContain('Step 1 of 8');
    expect(started.card).toEqual(menu.card);
  });

  it('opens the champion’s and the PPI team’s menus, and says how to join the PPI team when not on it', async () => {
    const h = await BotHarness.start();
    const champion = await h.click(people.champion, HelpVerb.show, { view: 'champion' });
    expect(menuOf(champion.card).map((b) => b.title)).toEqual([
      'Register as a champion',
      'My check-in now',
      'Choose my deputy',
      'Pause my nudges',
      'Resume my nudges',
    ]);
    const register = buttonTitled(champion.card, 'Register as a champion');
    const asked = await h.click(people.champion, register.verb, register.data);
    expect(cardText(asked.replies[0]?.attachments?.[0]?.content)).toContain(
      'Which directorate are you a champion for?',
    );

    const notOnTeam = await h.click(people.lead, HelpVerb.show, { view: 'ppi-team' });
    expect(menuOf(notOnTeam.card).map((b) => b.data.command)).toEqual(['directorates']);
    const admin = await h.click(people.admin, HelpVerb.show, { view: 'ppi-team' });
    expect(commandsOf(admin.card)).toEqual(
      expect.arrayContaining(['requests', 'report', 'close-outs', 'approvals', 'champions', 'catch-up now']),
    );
    const empty = await h.click(people.lead, HelpVerb.show, { view: 'ppi-team' }, ppiChannel);
    expect(cardText(empty.card)).toContain('You are not on the PPI team yet');
  });

  it('is role-aware: five or six things for you, the PPI team’s first for its members, with everything below', async () => {
    const h = await BotHarness.start();
    const lead = (await h.say(people.lead, 'help')).cards[0];
    expect(validateCard(lead)).toEqual([]);
    expect(commandsOf(lead)).toEqual([
      'new request',
      'continue',
      'my requests',
      'status',
      'log engagement',
      'my records',
    ]);
    expect(cardButtons(lead).map((b) => b.title)).toContain('Show everything');

    await h.say(people.champion, "I'm a champion for Finance");
    const champion = (await h.say(people.champion, 'help')).cards[0];
    expect(commandsOf(champion).slice(0, 2)).toEqual(['nudge me now', 'new request']);
    expect(commandsOf(champion)).not.toContain("I'm a champion");
    expect(commandsOf(champion)).toHaveLength(6);

    const admin = (await h.say(people.admin, 'help')).cards[0];
    expect(commandsOf(admin).slice(0, 3)).toEqual(['requests', 'new request', 'report']);
    expect(commandsOf(admin)).toContain('new request');
    expect(commandsOf(admin).length).toBeLessThanOrEqual(6);
  });

  it('hides what the route policies say cannot be used here: admin and channel commands, 1:1 commands in a channel', async () => {
    const h = await BotHarness.start();
    /** The commands the full list shows (its facts' titles), one per line. */
    const everything = async (who: (typeof people)[keyof typeof people], place = personal) => {
      const card = JSON.stringify((await h.click(who, HelpVerb.show, { view: 'everything' }, place)).card);
      return [...card.matchAll(/"title":"([^"]*)","value"/g)].map((m) => m[1]).join('\n');
    };

    const lead = await everything(people.lead);
    expect(lead.split('\n')).toContain('new request');
    expect(lead).not.toContain('set PPI team channel');
    expect(lead).not.toContain('add directorate');
    expect(lead).not.toContain('report Q3 2026/27');
    expect(lead).not.toContain('subscribe digest');

    const adminHere = await everything(people.admin);
    expect(adminHere).toContain('add directorate');
    expect(adminHere).toContain('report Q3 2026/27');
    expect(adminHere).not.toContain('set PPI team channel');

    const adminInChannel = await everything(people.admin, ppiChannel);
    expect(adminInChannel).toContain('set PPI team channel');
    expect(adminInChannel).toContain('subscribe digest');
    expect(adminInChannel.split('\n')).not.toContain('new request');
    expect(adminInChannel).toContain('status PIR-2026-0042');

    const managerInChannel = await everything(people.manager, managersChannel);
    expect(managerInChannel).not.toContain('set PPI team channel');
    expect(managerInChannel.split('\n')).not.toContain('new request');
    expect(managerInChannel).toContain('directorates');
  });

  it('answers an unknown or old button with a way back to help', async () => {
    const h = await BotHarness.start();
    const old = await h.click(people.lead, 'no.such.verb', {});
    expect(cardText(old.card)).toContain('no longer available');
    const back = buttonTitled(old.card, 'What can I do?');
    expect(cardText((await h.click(people.lead, back.verb, back.data)).card)).toContain('What I can do');
    // A start button on an old card makes no new empty draft when one is waiting.
    await h.click(people.lead, PirVerb.start, {});
    await h.click(people.lead, PirVerb.start, {});
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(1);
  });
});
