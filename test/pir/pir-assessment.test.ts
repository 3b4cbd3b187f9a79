import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { personal, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { actionData, setUpPpiChannel, submitRequest } from './pir-helpers.js';

const leadChat = `a:personal-${people.lead.id}`;

async function submitted(): Promise<{ h: BotHarness; card: AdaptiveCard }> {
  const h = await BotHarness.start({ clock: 'moving' });
  await setUpPpiChannel(h);
  await h.install(people.lead);
  await submitRequest(h);
  const message = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
  if (!message || typeof message === 'string') throw new Error('no assessment card');
  return { h, card: message.card };
}

function decide(card: AdaptiveCard, decision: string, extra: Record<string, unknown> = {}) {
  return { ...actionData(card, PirVerb.decide), decision, ...extra };
}

describe('Patient Involvement Request: the PPI team’s assessment', () => {
  it('only lets a PPI admin set the channel (not a member), and audits who moved it', async () => {
    const h = await BotHarness.start({ clock: 'moving' });
    const refused = await h.say(people.manager, 'set PPI team channel', ppiChannel);
    expect(refused.texts).toEqual([refusal.ppiAdmin]);
    await h.say(people.admin, 'add PPI team member', ppiChannel, [people.member]);
    expect((await h.say(people.member, 'set PPI team channel', ppiChannel)).texts).toEqual([refusal.ppiAdmin]);
    expect(await h.bot.stores.ppiTeam.getChannel()).toBeUndefined();
    expect((await h.say(people.admin, 'set PPI team channel', personal)).texts).toEqual([refusal.channel]);
    await h.say(people.admin, 'set PPI team channel', ppiChannel);
    expect((await h.bot.stores.ppiTeam.getChannel())?.channelId).toBe(ppiChannel.channelId);
    const audit = await h.bot.stores.audit.list('ppi-team');
    expect(audit.map((e) => [e.action, e.actor.id])).toEqual([
      ['PPI team member added', people.admin.id],
      ['PPI team channel set', people.admin.id],
    ]);
    expect(audit[1]?.detail).toContain(ppiChannel.channelId);
  });

  it('lets an admin add a PPI team member by @mention, who can then assess', async () => {
    const { h, card } = await submitted();
    const added = await h.say(people.admin, 'add PPI team member', ppiChannel, [people.member]);
    expect(added.texts[0]).toContain('Added to the PPI team: Morgan Member');
    const result = await h.click(people.member, PirVerb.decide, decide(card, 'accept'), ppiChannel);
    expect(cardText(result.card)).toContain('Accepted by Morgan Member');
  });

  it('lets only administrators change the PPI team, and removes members', async () => {
    const { h, card } = await submitted();
    await h.say(people.admin, 'add PPI team member', ppiChannel, [people.member]);
    const refused = await h.say(people.member, 'add PPI team member', ppiChannel, [people.manager]);
    expect(refused.texts).toEqual([refusal.ppiAdmin]);
    expect(await h.bot.stores.ppiTeam.getMember(people.manager.id)).toBeUndefined();
    await h.say(people.admin, 'remove PPI team member', ppiChannel, [people.member]);
    const result = await h.click(people.member, PirVerb.decide, decide(card, 'accept'), ppiChannel);
    expect(cardText(result.card)).toContain(refusal.ppiTeam);
    expect(cardText(result.card)).toContain('Awaiting assessment');
    const audit = await h.bot.stores.audit.list('ppi-team');
    expect(audit.map((e) => e.action)).toContain('PPI team member removed');
  });

  it('refuses a non-member politely and changes nothing', async () => {
    const { h, card } = await submitted();
    const result = await h.click(people.manager, PirVerb.decide, decide(card, 'accept'), ppiChannel);
    expect(cardText(result.card)).toContain(refusal.ppiTeam);
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.status).toBe('submitted');
    expect(h.messenger.sentTo(leadChat)).toHaveLength(0);
  });

  it('accepts: updates the card in place, audits it, and tells the lead', async () => {
    const { h, card } = await submitted();
    const result = await h.click(
      people.admin,
      PirVerb.decide,
      decide(card, 'accept', { expectedRung: 'co-production' }),
      ppiChannel,
    );
    expect(cardText(result.card)).toContain('Accepted by Pat PPI-Admin');
    expect(h.messenger.updates).toHaveLength(1);
    const toLead = h.messenger.sentTo(leadChat);
    expect(toLead).toHaveLength(1);
    expect(cardText(toLead[0]?.message)).toContain('PIR-2026-0001: Accepted');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    const audit = await h.bot.stores.audit.list(pir?.id ?? '');
    expect(audit.map((e) => e.action)).toEqual(['Submitted', 'Accepted']);
    const status = await h.say(people.lead, 'status PIR-2026-0001');
    expect(cardText(status.cards[0])).toContain('Accepted by Pat PPI-Admin');
  });

  it('requires a comment for anything but a plain accept', async () => {
    const { h, card } = await submitted();
    const result = await h.click(people.admin, PirVerb.decide, decide(card, 'decline'), ppiChannel);
    expect(cardText(result.card)).toContain('Please answer “Comment for the project lead”.');
    expect(cardText(result.card)).toContain('Nothing was saved yet');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.status).toBe('submitted');
  });

  it('request changes reopens the draft with the comment; resubmitting posts an updated card and keeps the history', async () => {
    const { h, card } = await submitted();
    await h.click(
      people.admin,
      PirVerb.decide,
      decide(card, 'request-changes', { comment: 'Please involve carers earlier.' }),
      ppiChannel,
    );
    const note = h.messenger.sentTo(leadChat)[0]?.message;
    expect(cardText(note)).toContain('Changes requested');
    if (!note || typeof note === 'string') throw new Error('no card');
    const reopened = await h.click(people.lead, PirVerb.resume, actionData(note.card, PirVerb.resume));
    expect(cardText(reopened.card)).toContain('Please involve carers earlier.');
    const again = await h.click(people.lead, PirVerb.submit, actionData(reopened.card, PirVerb.submit));
    expect(cardText(again.card)).toContain('Resubmitted: PIR-2026-0001 (2nd version)');
    const [first] = h.messenger.sentTo(ppiChannel.channelId);
    const reply = h.messenger.sentTo(`${ppiChannel.channelId};messageid=${first?.activityId}`);
    expect(reply).toHaveLength(1);
    expect(cardText(reply[0]?.message)).toContain('Resubmitted (2nd version)');
    const status = await h.say(people.admin, 'status PIR-2026-0001', ppiChannel);
    const history = cardText(status.cards[0]);
    expect(history).toContain('Submitted by Priya Lead');
    expect(history).toContain('Changes requested by Pat PPI-Admin');
    expect(history).toContain('Resubmitted by Priya Lead');
  });

  it('when two members decide at once, one wins and the other is told', async () => {
    const { h, card } = await submitted();
    await h.say(people.admin, 'add PPI team member', ppiChannel, [people.member]);
    const [a, b] = await Promise.all([
      h.click(people.admin, PirVerb.decide, decide(card, 'accept'), ppiChannel),
      h.click(people.member, PirVerb.decide, decide(card, 'decline', { comment: 'Out of scope for PPI' }), ppiChannel),
    ]);
    const texts = [cardText(a.card), cardText(b.card)];
    expect(texts.filter((t) => t.includes('decided this first'))).toHaveLength(1);
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    const audit = await h.bot.stores.audit.list(pir?.id ?? '');
    expect(audit.filter((e) => e.action === 'Accepted' || e.action === 'Declined')).toHaveLength(1);
    expect(h.messenger.sentTo(leadChat)).toHaveLength(1);
  });

  it('assigns to me and shows it on the card', async () => {
    const { h, card } = await submitted();
    const result = await h.click(people.admin, PirVerb.assignMe, actionData(card, PirVerb.assignMe), ppiChannel);
    expect(cardText(result.card)).toContain('assigned to Pat PPI-Admin');
  });
});
