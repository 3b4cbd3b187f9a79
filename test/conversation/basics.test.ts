import { describe, expect, it } from 'vitest';
import { makeInstall, makeMessage, personal, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';

describe('conversation basics', () => {
  it('welcomes on personal install once and records the installation', async () => {
    const h = await BotHarness.start();
    const first = await h.install(people.lead);
    expect(cardText(first.cards[0])).toContain('Welcome to PPI Partner, Priya Lead');
    const again = await h.install(people.lead);
    expect(again.replies).toHaveLength(0);
    const stored = await h.bot.stores.installations.get('personal', people.lead.id);
    expect(stored?.status).toBe('installed');
    expect(stored?.reference.conversation?.id).toBe(`a:personal-${people.lead.id}`);
  });

  it('greets by the roster name when the install event carries no name', async () => {
    const h = await BotHarness.start();
    const activity = makeInstall(people.lead);
    const welcome = await h.process({
      ...activity,
      from: { id: people.lead.channelUserId, name: '', aadObjectId: people.lead.id },
    });
    expect(cardText(welcome.cards[0])).toContain('Welcome to PPI Partner, Priya Lead');
  });

  it('marks an uninstall without deleting, and welcomes again on re-install', async () => {
    const h = await BotHarness.start();
    await h.install(people.admin, ppiChannel);
    await h.install(people.admin, ppiChannel, 'remove');
    const stored = await h.bot.stores.installations.get('team', '19:ppi-team');
    expect(stored?.status).toBe('uninstalled');
    const again = await h.install(people.admin, ppiChannel);
    expect(again.texts[0]).toContain('Thanks for adding PPI Partner');
  });

  it('answers help with a card, in personal chat and when @mentioned in a channel', async () => {
    const h = await BotHarness.start();
    const inChat = await h.say(people.lead, 'help');
    expect(cardText(inChat.cards[0])).toContain('What I can do');
    const inChannel = await h.say(people.manager, 'help', ppiChannel);
    expect(cardText(inChannel.cards[0])).toContain('What I can do');
  });

  it('points anything unrecognised at help, including 10,000 characters', async () => {
    const h = await BotHarness.start();
    expect(cardText((await h.say(people.lead, 'make me a sandwich')).cards[0])).toMatch(/didn't understand.*help/);
    expect((await h.say(people.lead, 'x'.repeat(10_000))).texts[0]).toMatch(/too long.*help/);
  });

  it('handles a re-sent activity once', async () => {
    const h = await BotHarness.start();
    const activity = makeMessage(people.lead, 'help', personal);
    expect((await h.process(activity)).cards).toHaveLength(1);
    expect((await h.process({ ...activity })).replies).toHaveLength(0);
  });

  it('answers an unknown or malformed card action with a plain card, not an error', async () => {
    const h = await BotHarness.start();
    const unknown = await h.click(people.lead, 'no.such.verb', { x: 1 });
    expect(unknown.invokeStatus).toBe(200);
    expect(cardText(unknown.card)).toContain('no longer available');
    const weird = await h.click(people.lead, 'no.such.verb', 'not an object');
    expect(cardText(weird.card)).toContain('no longer available');
  });

  it('refuses activities from tenants not on the allow-list', async () => {
    const h = await BotHarness.start({ env: { ALLOWED_TENANT_IDS: 'some-other-tenant' } });
    expect((await h.say(people.lead, 'help')).replies).toHaveLength(0);
  });
});
