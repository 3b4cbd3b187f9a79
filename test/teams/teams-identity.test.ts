import { describe, expect, it } from 'vitest';
import { makeCardAction, makeMessage, ppiChannel } from '../helpers/activities.js';
import { BotHarness } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';

/**
 * Identity comes from Teams only: `from.aadObjectId` on a Teams (`msteams`) activity. A Web Chat client (on by default
 * on an Azure Bot, with a valid Bot Framework token) chooses `from.id` freely, so neither a `from.id` equal to an
 * admin's id nor another channel may act as anyone.
 */
describe('who the sender is', () => {
  const admin = people.admin;

  it('acts for the sender’s Entra object id: the PPI admin sets the PPI team channel', async () => {
    const h = await BotHarness.start();
    const reply = await h.say(admin, 'set PPI team channel', ppiChannel);
    expect(reply.texts.join('\n')).toContain('Done');
    expect((await h.bot.stores.ppiTeam.getChannel())?.channelId).toBe(ppiChannel.channelId);
  });

  it('never falls back to from.id: an admin’s id given as from.id, with no aadObjectId, changes nothing', async () => {
    const h = await BotHarness.start();
    const forged = {
      ...makeMessage(admin, 'set PPI team channel', ppiChannel),
      from: { id: admin.id, name: 'Forger' },
    };
    const reply = await h.process(forged);
    expect(reply.replies).toEqual([]);
    expect(await h.bot.stores.ppiTeam.getChannel()).toBeUndefined();
  });

  it('refuses a card action without the sender’s Entra object id with 400 and does not run it', async () => {
    const h = await BotHarness.start();
    const action = makeCardAction(admin, 'help.show', {});
    const reply = await h.process({ ...action, from: { id: admin.id, name: 'Forger' } });
    expect(reply.invokeStatus).toBe(400);
    expect(reply.replies).toEqual([]);
  });

  it.each(['webchat', 'directline', 'emulator'])(
    'refuses a %s activity even with an admin’s aadObjectId (its client picks the ids)',
    async (channelId) => {
      const h = await BotHarness.start();
      const reply = await h.process({ ...makeMessage(admin, 'set PPI team channel', ppiChannel), channelId });
      expect(reply.replies).toEqual([]);
      expect(await h.bot.stores.ppiTeam.getChannel()).toBeUndefined();
      const invoke = await h.process({ ...makeCardAction(admin, 'help.show', {}), channelId });
      expect(invoke.invokeStatus).toBe(403);
    },
  );
});
