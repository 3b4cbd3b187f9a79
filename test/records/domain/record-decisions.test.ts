import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/forms/read-form.js';
import { averageScore } from '../../../src/records/domain/feedback-scores.js';
import { earlierAnswers, keptValues, readRecord } from '../../../src/records/domain/read-record.js';
import {
  editedRecord,
  keyOf,
  newRecord,
  ownRecords,
  recordBase,
  signedOff,
  signOffRefusal,
} from '../../../src/records/domain/record-changes.js';
import type { RecordDoc } from '../../../src/records/domain/record-doc.js';
import { recordFields, recordForm } from '../../../src/records/domain/record-kinds.js';
import { readSaveRef } from '../../../src/records/domain/save-ref.js';
import { SIGN_OFF_FORM, signOffDecision } from '../../../src/records/domain/sign-off-form.js';
import {
  parseSignOffTarget,
  signOffNoticeState,
  signOffNoticeWork,
} from '../../../src/records/domain/sign-off-notice.js';
import { referenceData } from '../../../src/reference-data/reference-data.js';
import {
  earlierEngagementValues,
  engagement,
  shippedRecordLists as lists,
  yswd as yswdAnswers,
} from '../record-fixtures.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-11-24T10:00:00Z');
const author = { id: 'aad-lead', name: 'Priya Lead' };
const admin = { id: 'aad-admin', name: 'Pat Admin' };
const today = '2026-11-23';

function yswdDoc(): RecordDoc {
  const read = readForm(recordForm({ kind: 'yswd' }, lists, { today }), yswdAnswers);
  if (!read.ok) throw new Error('fixture');
  return newRecord({ kind: 'yswd', id: 'a1b2c3d4-0001' }, recordBase('yswd', read.values), author, NOW);
}

describe('record forms', () => {
  it('checks rules across fields over what passed, without repeating a field’s own error', () => {
    const form = recordForm({ kind: 'yswd' }, lists, { today });
    const weDidMissing = readForm(form, { ...yswdAnswers, weDid: '' });
    expect(weDidMissing).toMatchObject({ ok: false, errors: [{ key: 'weDid', message: 'Please say what we did.' }] });
    const personal = readForm(form, { ...yswdAnswers, weDid: 'Rang 07700 900123' });
    expect(personal.ok || personal.errors.filter((e) => e.key === 'weDid')).toHaveLength(1);
    expect(readForm(form, { ...yswdAnswers, date: '2026-12-25' })).toMatchObject({
      ok: false,
      errors: [{ key: 'date', message: /in the future/ }],
    });
  });

  it('feedback counts may not add up to more than the forms returned, and are not checked without that number', () => {
    const form = recordForm({ kind: 'feedback' }, lists, { today });
    const base = { directorate: 'finance', date: '2026-11-20', activityName: 'Focus group' };
    expect(readForm(form, { ...base, responses: '10', viewsYes: '9', viewsNo: '2' })).toMatchObject({
      ok: false,
      errors: [{ key: 'viewsYes', message: /Did you get chance to express all the views/ }],
    });
    expect(readForm(form, { ...base, responses: '10', 'valued-9': '6', 'valued-10': '5' })).toMatchObject({
      ok: false,
      errors: [{ key: 'valued-1', message: /valued by the project lead\?” add up to more than the 10 forms/ }],
    });
    const noCount = readForm(form, { ...base, responses: 'lots', viewsYes: '9', viewsNo: '2' });
    expect(noCount.ok || noCount.errors.map((e) => e.key)).toEqual(['responses']);
  });

  it('asks the five survey questions as written, with a count for each score and each common answer', () => {
    const fields = recordFields({ kind: 'feedback' }, lists);
    const sections = fields.filter((f) => f.kind === 'section').map((f) => f.label);
    expect(sections).toEqual(referenceData.feedbackSurvey.map((q) => q.label));
    expect(fields.filter((f) => f.key.startsWith('valued-')).map((f) => f.label)).toEqual([
      '1 (Not valued)',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10 (Highly valued)',
    ]);
    expect(fields.filter((f) => f.key.startsWith('heard-')).map((f) => f.label)).toEqual([
      'Social media',
      'Website',
      'A promotional event or market stall',
    ]);
    expect(fields.map((f) => f.key)).toContain('heardOther');
    expect(fields.map((f) => f.key)).not.toContain('valued');
  });

  it('works out each scale question’s average from the scores entered', () => {
    const form = recordForm({ kind: 'feedback' }, lists, { today });
    const read = readForm(form, {
      directorate: 'finance',
      date: '2026-11-20',
      activityName: 'Focus group',
      responses: '10',
      'valued-7': '2',
      'valued-8': '6',
      'valued-10': '1',
    });
    expect(read.ok).toBe(true);
    const base = read.ok ? recordBase('feedback', read.values) : undefined;
    expect(base?.values).toMatchObject({ 'valued-7': 2, 'valued-8': 6, 'valued-10': 1, valued: 8 });
    expect(base?.values).not.toHaveProperty('impact');
    expect(averageScore({ 'impact-1': 1, 'impact-10': 2 }, 'impact')).toBe(7);
  });

  it('asks each engagement category its own questions, once each', () => {
    const keys = (category: string) => recordFields({ kind: 'engagement', category }, lists).map((f) => f.key);
    expect(keys('informing')).toEqual([
      'directorate',
      'date',
      'activity',
      'activityOther',
      'people',
      'participantsTold',
      'toldHow',
      'toldOn',
      'project',
      'pirReference',
    ]);
    expect(keys('engaging')).toEqual([
      'directorate',
      'date',
      'activityDescription',
      'people',
      'collated',
      'participantsTold',
      'toldHow',
      'toldOn',
      'project',
      'pirReference',
    ]);
    const involving = recordFields({ kind: 'engagement', category: 'involving' }, lists);
    expect(involving.find((f) => f.key === 'activity')?.choices?.map((c) => c.id)).toEqual([
      'focus-group',
      'forum',
      'public-event',
      'project-group',
      'interview-or-procurement-panel',
      'co-design-workshop',
      'other',
    ]);
    expect(involving.find((f) => f.key === 'people')?.label).toBe('How many people were involved in this activity?');
    const form = recordForm({ kind: 'engagement', category: 'informing' }, lists, { today });
    const other = readForm(form, { directorate: 'finance', date: today, activity: 'other', people: '3' });
    expect(other).toMatchObject({ ok: false, errors: [{ key: 'activityOther' }] });
    const wrongOption = readForm(form, { directorate: 'finance', date: today, activity: 'focus-group', people: '3' });
    expect(wrongOption).toMatchObject({ ok: false, errors: [{ key: 'activity' }] });
    const involvingForm = recordForm({ kind: 'engagement', category: 'involving' }, lists, { today });
    expect(readForm(involvingForm, engagement).ok).toBe(true);
  });

  it('a champion’s check-in record has the check-in’s questions, its category among them', () => {
    const keys = recordFields({ kind: 'engagement', category: 'engaging', source: 'check-in' }, lists).map(
      (f) => f.key,
    );
    expect(keys).toEqual([
      'directorate',
      'date',
      'project',
      'shaped',
      'category',
      'rung',
      'people',
      'participantsTold',
      'toldHow',
      'toldOn',
      'pirReference',
    ]);
  });

  it('reads a Save reference from untrusted data', () => {
    expect(readSaveRef({ kind: 'yswd', id: 'a1b2c3d4-0001' })).toEqual({ kind: 'yswd', id: 'a1b2c3d4-0001' });
    expect(readSaveRef({ kind: 'yswd', id: 'a1b2c3d4-0001', month: '2026-11', revision: 2 })).toMatchObject({
      month: '2026-11',
      revision: 2,
    });
    for (const bad of [
      {},
      { kind: 'x', id: 'a1b2c3d4' },
      { kind: 'yswd', id: 'short' },
      { kind: 'engagement', id: 'a1b2c3d4-1' },
    ]) {
      expect(readSaveRef(bad)).toBeUndefined();
    }
    expect(readSaveRef({ kind: 'yswd', id: 'a1b2c3d4-0001', month: '2026-11' })).toBeUndefined();
    expect(readSaveRef({ kind: 'engagement', id: 'a1b2c3d4-0001', category: 'engaging', source: 'check-in' })).toEqual({
      kind: 'engagement',
      id: 'a1b2c3d4-0001',
      category: 'engaging',
      source: 'check-in',
    });
  });
});

describe('record changes', () => {
  it('a new "You said, we did" item waits for sign-off; its date and directorate sit on the record', () => {
    const doc = yswdDoc();
    expect(doc).toMatchObject({
      date: '2026-11-10',
      directorate: 'finance',
      revision: 1,
      approval: { status: 'pending' },
    });
    expect(doc.values).not.toHaveProperty('date');
    expect(doc.values.joint).toBe(true);
    expect(keyOf(doc)).toEqual({ kind: 'yswd', month: '2026-11', id: 'a1b2c3d4-0001' });
  });

  it('an edit applies only to the revision it was opened at, and sends the item back for sign-off', () => {
    const approved = signedOff(yswdDoc(), 1, { approve: true, by: admin }, NOW);
    if (!approved) throw new Error('fixture');
    const base = { ...recordBase('yswd', { ...approved.values, date: '2026-10-30', directorate: 'finance' }) };
    expect(editedRecord(approved, 2, base, LATER)).toMatchObject({
      revision: 3,
      date: '2026-10-30',
      approval: { status: 'pending' },
    });
    expect(editedRecord(approved, 1, base, LATER)).toBeUndefined();
  });

  it('sign-off: the first decision on a revision wins; a changed item is refused', () => {
    const doc = yswdDoc();
    expect(signOffRefusal(doc, 1)).toBeUndefined();
    expect(signOffRefusal(doc, 0)).toBe('changed');
    const sentBack = signedOff(doc, 1, { approve: false, by: admin, comment: 'Add the date' }, NOW);
    expect(sentBack).toMatchObject({
      revision: 2,
      approval: { status: 'sent-back', by: admin, comment: 'Add the date' },
    });
    expect(sentBack && signOffRefusal(sentBack, 2)).toBe('decided');
    expect(sentBack && signedOff(sentBack, 2, { approve: true, by: admin }, LATER)).toBeUndefined();
  });

  it('a sign-off decision carries who decided (id and name only) and the comment only when one was given', () => {
    const actor = { ...admin, aadObjectId: 'extra' };
    expect(signOffDecision({ comment: 'Add the date' }, false, actor)).toEqual({
      approve: false,
      by: admin,
      comment: 'Add the date',
    });
    expect(signOffDecision({}, true, admin)).toEqual({ approve: true, by: admin });
  });

  it('a comment is needed to send an item back, not to approve it', () => {
    expect(readForm(SIGN_OFF_FORM, {}, { known: { decision: 'approve' } }).ok).toBe(true);
    expect(readForm(SIGN_OFF_FORM, {}, { known: { decision: 'send-back' } }).ok).toBe(false);
  });

  it('an edit keeps the answers today’s form has no question for', () => {
    const doc: RecordDoc = { ...yswdDoc(), kind: 'feedback', values: { responses: 4, valued: 7.5, 'heard-email': 2 } };
    const fields = recordFields({ kind: 'feedback' }, lists);
    expect(keptValues(doc, fields)).toEqual({ valued: 7.5, 'heard-email': 2 });
    const scored = { ...doc, values: { ...doc.values, 'valued-8': 4, valued: 8 } };
    expect(keptValues(scored, fields)).toEqual({ 'heard-email': 2 });
    const base = recordBase('feedback', { date: '2026-11-10', directorate: 'finance', responses: 4 });
    expect(editedRecord(doc, 1, base, LATER, keptValues(doc, fields))?.values).toEqual({
      valued: 7.5,
      'heard-email': 2,
      responses: 4,
    });
  });

  it('lists a person’s own records, newest first', () => {
    const a = { ...yswdDoc(), id: 'a', date: '2026-11-01' };
    const b = { ...yswdDoc(), id: 'b', date: '2026-11-20' };
    const other = { ...yswdDoc(), id: 'c', author: admin };
    expect(ownRecords([a, other, b], author.id).map((d) => d.id)).toEqual(['b', 'a']);
  });
});

describe('the author’s sign-off notice', () => {
  it('goes once the sign-off is saved, waits a little for it, and not for a later change', () => {
    const doc = yswdDoc();
    const work = signOffNoticeWork(doc, doc.revision + 1, NOW);
    const target = parseSignOffTarget(work);
    expect(target).toEqual({ month: '2026-11', id: doc.id, revision: doc.revision + 1 });
    const approved = signedOff(doc, doc.revision, { approve: true, by: admin }, NOW);
    expect(signOffNoticeState(approved, doc.revision + 1, work, NOW)).toBe('send');
    expect(signOffNoticeState(doc, doc.revision + 1, work, NOW)).toBe('wait');
    expect(signOffNoticeState(doc, doc.revision + 1, work, LATER)).toBe('drop');
    expect(signOffNoticeState(undefined, doc.revision + 1, work, NOW)).toBe('drop');
    const editedAgain = approved && { ...approved, revision: approved.revision + 1 };
    expect(signOffNoticeState(editedAgain, doc.revision + 1, work, NOW)).toBe('drop');
  });
});

describe('records saved by the earlier forms (the tolerant reader)', () => {
  const earlier = (category: string, values: RecordDoc['values']): RecordDoc => ({
    ...yswdDoc(),
    kind: 'engagement',
    category,
    values,
    approval: undefined,
  });

  it('an open question takes the free-text answer; the collated feedback moves to its question', () => {
    const read = readRecord(earlier('engaging', earlierEngagementValues));
    expect(read.values).toEqual({
      activity: 'email-survey',
      activityDescription: 'Two focus groups on the discharge letter.',
      collated: 'Most wanted plainer words.',
      fu1: 'About fourteen',
      people: 14,
      project: 'Discharge letters',
    });
    const fields = recordFields({ kind: 'engagement', category: 'engaging' }, lists);
    expect(earlierAnswers(read, fields, referenceData.feedbackHowHeard)).toEqual([
      { label: 'Type of activity', value: 'E-mail or online survey' },
      { label: 'How many people did you engage with?', value: 'About fourteen' },
    ]);
  });

  it('an activity the category does not offer becomes “Other”, named; the text answer is kept', () => {
    const read = readRecord(earlier('informing', earlierEngagementValues));
    expect(read.values).toMatchObject({
      activity: 'other',
      activityOther: 'E-mail or online survey',
      fu0: 'Two focus groups on the discharge letter.',
    });
    expect(read.values).not.toHaveProperty('collated');
    const offered = readRecord(earlier('involving', { ...earlierEngagementValues, activity: 'forum' }));
    expect(offered.values).toMatchObject({ activity: 'forum', collated: 'Most wanted plainer words.' });
    const other = readRecord(earlier('involving', { ...earlierEngagementValues, activity: 'other' }));
    expect(other.values).toMatchObject({
      activity: 'other',
      activityOther: 'Two focus groups on the discharge letter.',
    });
    expect(other.values).not.toHaveProperty('fu0');
  });

  it('leaves records in today’s shape, and check-in records, as they are', () => {
    const today = earlier('involving', { activity: 'forum', people: 3 });
    expect(readRecord(today)).toBe(today);
    const yswd = yswdDoc();
    expect(readRecord(yswd)).toBe(yswd);
  });
});
