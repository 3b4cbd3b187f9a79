import { describe, expect, it } from 'vitest';
import { REMINDERS_JOB } from '../../src/records/domain/told-reminder.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { yswd } from './record-fixtures.js';

const leadChat = `a:personal-${people.lead.id}`;

/** A "You said, we did" item saved by the lead on Monday 23 November 2026 and signed off there and then. */
async function signedOff(extra: Record<string, unknown> = {}) {
  const h = await BotHarness.start({ now: new Date('2026-11-23T10:00:00Z') });
  await h.install(people.lead);
  const form = (await h.say(people.lead, 'you said we did')).cards[0];
  await h.click(people.lead, RecordVerb.save, { ...actionData(form, RecordVerb.save), ...yswd, ...extra });
  const list = await h.say(people.admin, 'approvals', ppiChannel);
  const card = list.cards[0];
  await h.click(people.admin, RecordVerb.approve, actionData(card, RecordVerb.approve), ppiChannel);
  const [item] = await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'yswd' });
  return { h, item };
}

const reminders = (h: BotHarness) =>
  h.messenger.sentTo(leadChat).filter((s) => cardText(s.message).includes('closing the loop'));

async function runAt(h: BotHarness, at: string) {
  h.clock = new Date(at);
  await h.bot.scheduler.runOnce(REMINDERS_JOB);
}

describe('"told participants" on "You said, we did" items, and its one reminder', () => {
  it('reminds the author once, five working days after sign-off; recording it keeps the sign-off', async () => {
    const { h, item } = await signedOff();
    expect(item?.approval?.status).toBe('approved');
    await runAt(h, '2026-11-27T10:00:00Z');
    expect(reminders(h)).toHaveLength(0);
    // Five working days after Monday 23 November: Monday 30 November, from 09:30.
    await runAt(h, '2026-11-30T09:31:00Z');
    expect(reminders(h)).toHaveLength(1);
    const card = reminders(h)[0]?.message;
    if (!card || typeof card === 'string') throw new Error('no reminder card');
    expect(cardText(card)).toContain('Car park signs were confusing.');
    const data = actionData(card.card, RecordVerb.told);
    const missing = await h.click(people.lead, RecordVerb.told, data);
    expect(cardText(missing.card)).toContain('Please answer “How were they told”.');
    const future = await h.click(people.lead, RecordVerb.told, {
      ...data,
      toldHow: 'Newsletter',
      toldOn: '2026-12-25',
    });
    expect(cardText(future.card)).toContain('This date is in the future');
    const told = await h.click(people.lead, RecordVerb.told, {
      ...data,
      toldHow: 'The patient newsletter',
      toldOn: '2026-11-30',
    });
    expect(cardText(told.card)).toContain('recorded that participants were told (The patient newsletter)');
    const [stored] = await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'yswd' });
    expect(stored?.values).toMatchObject({
      participantsTold: true,
      toldHow: 'The patient newsletter',
      toldOn: '2026-11-30',
    });
    expect(stored?.approval?.status).toBe('approved');
    await runAt(h, '2026-12-07T10:00:00Z');
    expect(reminders(h)).toHaveLength(1);
  });

  it('sends no reminder when participants were already told', async () => {
    const { h } = await signedOff({ participantsTold: 'true', toldHow: 'At the forum', toldOn: '2026-11-20' });
    await runAt(h, '2026-11-30T09:31:00Z');
    expect(reminders(h)).toHaveLength(0);
  });

  it('someone else cannot record it; the PPI team can', async () => {
    const { h } = await signedOff();
    await runAt(h, '2026-11-30T09:31:00Z');
    const card = reminders(h)[0]?.message;
    if (!card || typeof card === 'string') throw new Error('no reminder card');
    const data = { ...actionData(card.card, RecordVerb.told), toldHow: 'Letters', toldOn: '2026-11-30' };
    const refused = await h.click(people.otherLead, RecordVerb.told, data);
    expect(cardText(refused.card)).toContain('Only the person who created this, or the PPI team, can do that.');
    const byTeam = await h.click(people.admin, RecordVerb.told, data);
    expect(cardText(byTeam.card)).toContain('recorded that participants were told');
  });

  it('editing only "told participants" on a signed-off item does not send it back for sign-off', async () => {
    const { h } = await signedOff();
    const mine = (await h.say(people.lead, 'my records')).cards[0];
    const edit = await h.click(people.lead, RecordVerb.edit, actionData(mine, RecordVerb.edit));
    const save = actionData(edit.card, RecordVerb.save);
    const saved = await h.click(people.lead, RecordVerb.save, {
      ...save,
      ...yswd,
      participantsTold: 'true',
      toldHow: 'A poster in the car park',
      toldOn: '2026-11-23',
    });
    expect(cardText(saved.card)).toContain('Changes saved.');
    expect(cardText(saved.card)).not.toContain('sign-off');
    const [stored] = await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'yswd' });
    expect(stored?.approval?.status).toBe('approved');
    const changed = (await h.say(people.lead, 'my records')).cards[0];
    const again = await h.click(people.lead, RecordVerb.edit, actionData(changed, RecordVerb.edit));
    const resaved = await h.click(people.lead, RecordVerb.save, {
      ...actionData(again.card, RecordVerb.save),
      ...yswd,
      weDid: 'New signs at all three entrances.',
    });
    expect(cardText(resaved.card)).toContain('It goes back to the PPI team for sign-off.');
  });
});
