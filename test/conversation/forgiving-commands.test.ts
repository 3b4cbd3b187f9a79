import { describe, expect, it } from 'vitest';
import { NOT_UNDERSTOOD } from '../../src/fallback/register-fallback.js';
import { HelpVerb } from '../../src/help/help-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText, type TurnResult } from '../helpers/bot-harness.js';
import { buttonTitled } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';

const everything = (r: TurnResult) => [...r.texts, ...r.cards.map(cardText)].join('\n');

describe('forgiving commands, through the real Application', () => {
  it.each([
    ['HELP!', 'What I can do'],
    ['Help.', 'What I can do'],
    ['  hello  ', 'What I can do'],
    ["I'd like to start a new involvement request", 'Step 1 of 8'],
    ['Could you show me my requests please?', 'Your Patient Involvement Requests'],
    ['How do I log engagement?', 'What kind of engagement was it?'],
    ['New Request.', 'Step 1 of 8'],
    ['**my records**', 'no records'],
    ['Where is my request?', 'Which request would you like the status of?'],
  ])('understands “%s”', async (typed, expected) => {
    const h = await BotHarness.start();
    expect(everything(await h.say(people.lead, typed))).toContain(expected);
  });

  it.each([
    ['Projects due for close-out?', 'Projects after acceptance'],
    ['close outs to review', 'Projects after acceptance'],
    ['The patient newsletter, please', 'Newsletter text:'],
    ['Requests to assess, please', 'Patient Involvement Requests waiting'],
  ])('understands the PPI team’s “%s”', async (typed, expected) => {
    const h = await BotHarness.start();
    expect(everything(await h.say(people.admin, typed))).toContain(expected);
  });

  it('answers a typo with “Did you mean …?” and a button that runs the command', async () => {
    const h = await BotHarness.start();
    const asked = await h.say(people.lead, 'new reqest');
    expect(cardText(asked.cards[0])).toContain('Did you mean **new request**?');
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toEqual([]);
    const yes = buttonTitled(asked.cards[0], 'Yes: new request');
    const ran = await h.click(people.lead, yes.verb, yes.data);
    expect(cardText(ran.replies[0]?.attachments?.[0]?.content)).toContain('Step 1 of 8');
    expect(cardText(ran.card)).toContain('You chose **new request**.');
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(1);

    expect(cardText((await h.say(people.lead, 'hlep')).cards[0])).toContain('Did you mean **help**?');
    expect(cardText((await h.say(people.lead, 'my reqests')).cards[0])).toContain('Did you mean **my requests**?');
  });

  it('forgives in a channel too, and the forgiven command keeps its policy', async () => {
    const h = await BotHarness.start();
    const channelHelp = await h.say(people.manager, 'Help!', ppiChannel);
    expect(cardText(channelHelp.cards[0])).toContain('What I can do');
    const refused = await h.say(people.manager, 'Please show the champions.', ppiChannel);
    expect(refused.texts).toEqual(['Only the PPI team can do that.']);
  });

  it('never runs or suggests a careful command for a near miss', async () => {
    const h = await BotHarness.start();
    await h.say(people.champion, "I'm a champion for Finance");
    for (const typed of ['pause nudge', 'paus nudges', 'no depty', 'remove my deptuy']) {
      const reply = everything(await h.say(people.champion, typed));
      expect(reply, typed).not.toContain('Nudges paused');
      expect(reply, typed).not.toContain('Did you mean **pause nudges**');
      expect(reply, typed).not.toContain('Did you mean **no deputy**');
    }
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.status).toBe('active');
    // Typed as they are, they still work.
    expect(everything(await h.say(people.champion, 'Pause my nudges.'))).toContain('Nudges paused');
  });

  it('points anything else at help, with a button', async () => {
    const h = await BotHarness.start();
    const reply = await h.say(people.lead, 'make me a sandwich');
    expect(cardText(reply.cards[0])).toContain(NOT_UNDERSTOOD);
    const help = buttonTitled(reply.cards[0], 'What can I do?');
    expect(help.verb).toBe(HelpVerb.show);
  });
});
