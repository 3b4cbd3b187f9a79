import { describe, expect, it } from 'vitest';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { managersChannel, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText, cardVerbs } from '../helpers/bot-harness.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { actionData, setUpPpiChannel, submitRequest } from './pir-helpers.js';

describe('requests: what is waiting for the PPI team', () => {
  it('lists awaiting assessment, assigned to me and changes requested, with a button to open each', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    await setUpPpiChannel(h);
    await h.say(people.admin, 'add PPI team member', ppiChannel, [people.member]);
    for (const lead of [people.lead, people.otherLead, people.manager]) await submitRequest(h, lead);
    const [first, second] = h.messenger.sentTo(ppiChannel.channelId).map((s) => (s.message as { card: never }).card);
    await h.click(people.member, PirVerb.assignMe, actionData(first, PirVerb.assignMe), ppiChannel);
    await h.click(
      people.admin,
      PirVerb.decide,
      { ...actionData(second, PirVerb.decide), decision: 'request-changes', comment: 'Please add the carers’ view.' },
      ppiChannel,
    );

    const list = (await h.say(people.member, 'requests')).cards[0];
    expect(validateCard(list)).toEqual([]);
    const text = cardText(list);
    expect(text).toContain('Awaiting assessment (1)');
    expect(text).toContain('PIR-2026-0003');
    expect(text).toContain('Assigned to you (1)');
    expect(text).toContain('PIR-2026-0001');
    expect(text).toContain('Changes requested: with the lead (1)');
    expect(text).toContain('PIR-2026-0002');
    expect(cardVerbs(list).filter((v) => v === PirVerb.open)).toHaveLength(3);

    const opened = await h.click(people.member, PirVerb.open, actionData(list, PirVerb.open));
    expect(cardText(opened.card)).toContain('PIR-2026-0003');
    expect(cardVerbs(opened.card)).toContain(PirVerb.decide);
    const accepted = await h.click(people.member, PirVerb.decide, {
      ...actionData(opened.card, PirVerb.decide),
      decision: 'accept',
    });
    expect(cardText(accepted.card)).toContain('Accepted by Morgan Member');
    const refreshed = await h.click(people.member, PirVerb.requests, {});
    expect(cardText(refreshed.card)).not.toContain('PIR-2026-0003');
    expect(cardText(refreshed.card)).toContain('Assigned to you (1)');
  });

  it('is for the PPI team only, and not in group chats or other people’s channels for anyone else', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    expect((await h.say(people.lead, 'requests')).texts).toEqual([refusal.ppiTeam]);
    expect((await h.say(people.manager, 'requests', managersChannel)).texts).toEqual([refusal.ppiTeam]);
    const empty = (await h.say(people.admin, 'requests')).cards[0];
    expect(cardText(empty)).toContain('Nothing is waiting');
    const forged = await h.click(people.lead, PirVerb.requests, {});
    expect(cardText(forged.card)).toContain(refusal.ppiTeam);
  });
});
