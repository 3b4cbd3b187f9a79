import { describe, expect, it } from 'vitest';
import { NOTICE_JOB } from '../../src/delivery/outbox.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { managersChannel, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { engagement, yswd } from './record-fixtures.js';

const now = new Date('2026-11-23T10:00:00Z');

async function openForm(h: BotHarness, text: string) {
  const start = await h.say(people.lead, text);
  return start.cards[0];
}

describe('engagement records (seed 004 Appendix 3)', () => {
  it('walks through category, the category’s questions, and saves once', async () => {
    const h = await BotHarness.start({ now });
    const category = await openForm(h, 'log engagement');
    expect(cardText(category)).toContain('Co-production');
    const form = await h.click(people.lead, RecordVerb.category, {
      ...actionData(category, RecordVerb.category),
      category: 'involving',
    });
    expect(cardText(form.card)).toContain('How were people involved?');
    const save = actionData(form.card, RecordVerb.save);

    const invalid = await h.click(people.lead, RecordVerb.save, {
      ...save,
      ...engagement,
      people: 'lots',
      date: '2027-01-01',
    });
    expect(cardText(invalid.card)).toContain('Please enter a whole number from 0 to 100,000');
    const future = await h.click(people.lead, RecordVerb.save, { ...save, ...engagement, date: '2026-12-25' });
    expect(cardText(future.card)).toContain('This date is in the future');
    const personal = await h.click(people.lead, RecordVerb.save, {
      ...save,
      ...engagement,
      fu2: 'Call Mrs Smith on 07700 900123',
    });
    expect(cardText(personal.card)).toContain('Nothing was saved: please remove the patient-identifiable details');

    const saved = await h.click(people.lead, RecordVerb.save, { ...save, ...engagement });
    expect(cardText(saved.card)).toContain(
      'Saved to the engagement records. Involving: Focus group, 14 people (Friday 20 November 2026)',
    );
    // A double click on Save shows the same outcome again, and saves nothing twice.
    const again = await h.click(people.lead, RecordVerb.save, { ...save, ...engagement });
    expect(cardText(again.card)).toBe(cardText(saved.card));
    const stored = await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'engagement' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      category: 'involving',
      directorate: 'finance',
      date: '2026-11-20',
      values: { people: 14 },
    });
  });

  it('asks for a 1:1 chat, and refuses a forged or stale Save', async () => {
    const h = await BotHarness.start({ now });
    expect((await h.say(people.lead, 'log engagement', ppiChannel)).texts).toEqual([refusal.personal]);
    for (const data of [
      {},
      { kind: 'engagement', id: 'short' },
      { kind: 'nonsense', id: 'abcdefgh-1234' },
      { kind: 'engagement', id: 'abcdefgh-1234', category: 'x' },
    ]) {
      const reply = await h.click(people.lead, RecordVerb.save, { ...data, ...engagement });
      expect(cardText(reply.card)).toContain('out of date or incomplete');
    }
  });
});

describe('feedback survey results (seed 004 Appendix 4)', () => {
  it('checks the counts against the forms returned', async () => {
    const h = await BotHarness.start({ now });
    const form = await openForm(h, 'log feedback');
    const save = actionData(form, RecordVerb.save);
    const answers = {
      directorate: 'finance',
      date: '2026-11-20',
      activityName: 'Discharge focus group',
      responses: '10',
      valued: '8.5',
      impact: '7',
      viewsYes: '9',
      viewsNo: '1',
      againYes: '8',
      againNo: '4',
      'heard-website': '3',
    };
    const tooMany = await h.click(people.lead, RecordVerb.save, { ...save, ...answers });
    expect(cardText(tooMany.card)).toContain('add up to more than the 10 forms returned');
    const outOfRange = await h.click(people.lead, RecordVerb.save, { ...save, ...answers, againNo: '2', valued: '11' });
    expect(cardText(outOfRange.card)).toContain('Please enter a number from 1 to 10');
    const saved = await h.click(people.lead, RecordVerb.save, { ...save, ...answers, againNo: '2' });
    expect(cardText(saved.card)).toContain('Feedback: Discharge focus group, 10 forms');
  });
});

describe('"You said, we did" and sign-off', () => {
  async function recorded(h: BotHarness) {
    const form = await openForm(h, 'you said we did');
    const missing = await h.click(people.lead, RecordVerb.save, {
      ...actionData(form, RecordVerb.save),
      ...yswd,
      weDid: '',
    });
    expect(cardText(missing.card)).toContain('Please say what we did.');
    await h.click(people.lead, RecordVerb.save, { ...actionData(form, RecordVerb.save), ...yswd });
  }

  it('needs a PPI team member to sign an item off; the first decision wins', async () => {
    const h = await BotHarness.start({ now });
    await recorded(h);
    expect((await h.say(people.manager, 'approvals', managersChannel)).texts).toEqual([refusal.ppiTeam]);
    const list = await h.say(people.admin, 'approvals', ppiChannel);
    expect(list.texts[0]).toBe('1 item waiting for sign-off:');
    const card = list.cards[0];
    expect(cardText(card)).toContain('Car park signs were confusing.');
    expect(cardText(card)).toContain('decided jointly with patients');

    const forged = await h.click(people.lead, RecordVerb.approve, actionData(card, RecordVerb.approve), ppiChannel);
    expect(cardText(forged.card)).toContain(refusal.ppiTeam);
    expect(cardText(forged.card)).toContain('Car park signs were confusing.');
    const noComment = await h.click(
      people.admin,
      RecordVerb.sendBack,
      actionData(card, RecordVerb.sendBack),
      ppiChannel,
    );
    expect(cardText(noComment.card)).toContain('Please answer “Comment for its author”');
    const approved = await h.click(people.admin, RecordVerb.approve, actionData(card, RecordVerb.approve), ppiChannel);
    expect(cardText(approved.card)).toContain('Signed off by Pat PPI-Admin');
    const second = await h.click(
      people.admin,
      RecordVerb.sendBack,
      { ...actionData(card, RecordVerb.sendBack), comment: 'x' },
      ppiChannel,
    );
    expect(cardText(second.card)).toContain('changed since');
    expect((await h.say(people.admin, 'approvals', ppiChannel)).texts[0]).toBe('Nothing is waiting for sign-off.');
    const [item] = await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'yswd' });
    expect(item?.approval).toMatchObject({ status: 'approved', by: { id: people.admin.id } });
  });

  it('lets the author edit (back to sign-off) and nobody else', async () => {
    const h = await BotHarness.start({ now });
    await recorded(h);
    const mine = await h.say(people.lead, 'my records');
    expect(cardText(mine.cards[0])).toContain('awaiting sign-off');
    const editData = actionData(mine.cards[0], RecordVerb.edit);
    const stranger = await h.click(people.otherLead, RecordVerb.edit, editData);
    expect(cardText(stranger.card)).toContain(refusal.leadOrPpiTeam);
    const form = await h.click(people.lead, RecordVerb.edit, editData);
    expect(cardText(form.card)).toContain('Car park signs were confusing.');
    const save = actionData(form.card, RecordVerb.save);
    const forgedSave = await h.click(people.otherLead, RecordVerb.save, { ...save, ...yswd, youSaid: 'Hijacked.' });
    expect(cardText(forgedSave.card)).toContain(refusal.leadOrPpiTeam);
    const moved = await h.click(people.lead, RecordVerb.save, {
      ...save,
      ...yswd,
      date: '2026-10-30',
      status: 'in-progress',
    });
    expect(cardText(moved.card)).toContain('Changes saved.');
    const stale = await h.click(people.lead, RecordVerb.save, { ...save, ...yswd });
    expect(cardText(stale.card)).toMatch(/couldn't find that record|changed by someone else/);
    expect(await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'yswd' })).toHaveLength(0);
    const [item] = await h.bot.stores.records.listPeriod('2026-10-01', '2026-10-31', { kind: 'yswd' });
    expect(item).toMatchObject({
      revision: 2,
      values: { status: 'in-progress', youSaid: 'Car park signs were confusing.' },
    });
    expect((await h.bot.stores.records.listPending()).map((d) => d.id)).toEqual([item?.id]);
  });

  it('tells the author, in their 1:1 chat, once, that the item was signed off or sent back (with the comment)', async () => {
    const h = await BotHarness.start({ now, clock: 'moving' });
    await recorded(h);
    const card = (await h.say(people.admin, 'approvals', ppiChannel)).cards[0];
    const authorChat = `a:personal-${people.lead.id}`;
    const sentBack = await h.click(
      people.admin,
      RecordVerb.sendBack,
      { ...actionData(card, RecordVerb.sendBack), comment: 'Please say which entrances.' },
      ppiChannel,
    );
    expect(cardText(sentBack.card)).toContain('Sent back to Priya Lead');
    await h.bot.scheduler.runOnce(NOTICE_JOB);
    const notices = h.messenger.sentTo(authorChat);
    expect(notices).toHaveLength(1);
    expect(cardText(notices[0]?.message)).toContain(
      'was sent back by Pat PPI-Admin: “Please say which entrances.” Change it from **My records**',
    );

    const form = (
      await h.click(
        people.lead,
        RecordVerb.edit,
        actionData((await h.say(people.lead, 'my records')).cards[0], RecordVerb.edit),
      )
    ).card;
    await h.click(people.lead, RecordVerb.save, {
      ...actionData(form, RecordVerb.save),
      ...yswd,
      weDid: 'New signs at the north and south entrances.',
    });
    const again = (await h.say(people.admin, 'approvals', ppiChannel)).cards[0];
    await h.click(people.admin, RecordVerb.approve, actionData(again, RecordVerb.approve), ppiChannel);
    await h.bot.scheduler.runOnce(NOTICE_JOB);
    const all = h.messenger.sentTo(authorChat);
    expect(all).toHaveLength(2);
    expect(cardText(all[1]?.message)).toContain('was signed off by Pat PPI-Admin: it can now appear in digests');
  });
});
