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

describe('engagement records (the engagement log)', () => {
  it('walks through category, the category’s questions, and saves once', async () => {
    const h = await BotHarness.start({ now });
    const category = await openForm(h, 'log engagement');
    expect(cardText(category)).toContain('Co-production');
    expect(cardText(category)).toContain('Which category of engagement does the work fall into?');
    expect(cardText(category)).not.toMatch(/seed|appendix/i);
    const form = await h.click(people.lead, RecordVerb.category, {
      ...actionData(category, RecordVerb.category),
      category: 'involving',
    });
    const text = cardText(form.card);
    expect(text).toContain('How were people involved? (required)');
    expect(text).toContain('Project group or committee membership');
    expect(text).toContain('How many people were involved in this activity? (required)');
    expect(text).toContain('Please enter the collated responses from your event feedback forms?');
    expect(text).not.toContain('Type of activity');
    expect(text).not.toContain('Social media post');
    expect(text).not.toMatch(/seed|appendix/i);
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
      collated: 'Call Mrs Smith on 07700 900123',
    });
    expect(cardText(personal.card)).toContain('Nothing was saved: please remove the patient-identifiable details');

    const saved = await h.click(people.lead, RecordVerb.save, { ...save, ...engagement });
    expect(cardText(saved.card)).toContain(
      'Saved to the engagement records. Involving: Focus groups, 14 people (Friday 20 November 2026)',
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
      values: { people: 14, activity: 'focus-group', collated: 'Most wanted plainer words.' },
    });
  });

  it('asks Informing its own options, with “Other: what?”, and Engaging its open question', async () => {
    const h = await BotHarness.start({ now });
    const category = await openForm(h, 'log engagement');
    const informing = await h.click(people.lead, RecordVerb.category, {
      ...actionData(category, RecordVerb.category),
      category: 'informing',
    });
    const save = actionData(informing.card, RecordVerb.save);
    const base = { directorate: 'finance', date: '2026-11-20', people: '200' };
    const wrong = await h.click(people.lead, RecordVerb.save, { ...save, ...base, activity: 'focus-group' });
    expect(cardText(wrong.card)).toContain('Please choose an option from the list.');
    const other = await h.click(people.lead, RecordVerb.save, { ...save, ...base, activity: 'other' });
    expect(cardText(other.card)).toContain('Please answer “If other, what was it”.');
    const saved = await h.click(people.lead, RecordVerb.save, {
      ...save,
      ...base,
      activity: 'other',
      activityOther: 'Hospital radio',
    });
    expect(cardText(saved.card)).toContain('Informing: Other: Hospital radio, 200 people (Friday 20 November 2026)');
    const engaging = await h.click(people.lead, RecordVerb.category, {
      ...actionData(category, RecordVerb.category),
      category: 'engaging',
    });
    expect(cardText(engaging.card)).toContain('What activity did you do to engage people? (required)');
    expect(cardText(engaging.card)).toContain('How many people did you engage with? (required)');
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

describe('feedback survey results (the participant feedback survey)', () => {
  it('asks the five questions as written, counts each score, and checks the counts against the forms returned', async () => {
    const h = await BotHarness.start({ now });
    const form = await openForm(h, 'log feedback');
    const text = cardText(form);
    expect(text).toContain("How did you hear about today's engagement activity?");
    expect(text).toContain('how much do you feel your comments or suggestions have been valued by the project lead?');
    expect(text).toContain('do you feel your participation will impact on the service/project?');
    expect(text).toContain('Would you like to take part in future engagement activities?');
    expect(text).toContain('10 (Highly valued)');
    expect(text).not.toMatch(/seed|appendix/i);
    const save = actionData(form, RecordVerb.save);
    const answers = {
      directorate: 'finance',
      date: '2026-11-20',
      activityName: 'Discharge focus group',
      responses: '10',
      'valued-8': '6',
      'valued-9': '3',
      'impact-7': '9',
      viewsYes: '9',
      viewsNo: '1',
      againYes: '8',
      againNo: '4',
      'heard-website': '3',
      heardOther: 'Hospital radio; a neighbour',
    };
    const tooMany = await h.click(people.lead, RecordVerb.save, { ...save, ...answers });
    expect(cardText(tooMany.card)).toContain('add up to more than the 10 forms returned');
    const scores = await h.click(people.lead, RecordVerb.save, { ...save, ...answers, againNo: '2', 'valued-10': '2' });
    expect(cardText(scores.card)).toContain('valued by the project lead?” add up to more than the 10 forms returned');
    const saved = await h.click(people.lead, RecordVerb.save, { ...save, ...answers, againNo: '2' });
    expect(cardText(saved.card)).toContain('Feedback: Discharge focus group, 10 forms');
    const [stored] = await h.bot.stores.records.listPeriod('2026-11-01', '2026-11-30', { kind: 'feedback' });
    expect(stored?.values).toMatchObject({
      'valued-8': 6,
      'valued-9': 3,
      valued: 8.3,
      'impact-7': 9,
      impact: 7,
      heardOther: 'Hospital radio; a neighbour',
    });
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
