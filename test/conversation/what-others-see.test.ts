import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { markdownTexts } from '../helpers/card-markdown.js';
import { people } from '../helpers/people.js';
import { stepAnswers, stepOrder } from '../pir/pir-fixtures.js';
import { setUpPpiChannel } from '../pir/pir-helpers.js';

const TITLE = '[Sign in to approve](https://x.example) **urgent**';

const markdownOf = (card: AdaptiveCard | undefined): string => markdownTexts(card).join('\n');

describe('what others see is what the bot meant to show', () => {
  it('a lead’s title written as a link is not a link on the PPI team’s assessment card', async () => {
    const h = await BotHarness.start();
    await setUpPpiChannel(h);
    let card = (await h.say(people.lead, 'new request')).cards[0];
    for (const step of stepOrder) {
      const answers = step === 'basics' ? { ...stepAnswers.basics, title: TITLE } : stepAnswers[step];
      card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...answers })).card;
    }
    await h.click(people.lead, PirVerb.submit, actionData(card, PirVerb.submit));
    const posted = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
    if (!posted || typeof posted === 'string') throw new Error('no assessment card');
    const shown = markdownOf(posted.card);
    expect(shown).not.toContain('[Sign in to approve](');
    expect(shown).not.toContain('**urgent**');
    expect(shown).toContain('\\[Sign in to approve\\](https://x.example) \\*\\*urgent\\*\\*');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers.title).toBe(TITLE);
  });
});
