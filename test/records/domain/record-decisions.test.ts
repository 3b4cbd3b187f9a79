import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/forms/read-form.js';
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
import { recordForm } from '../../../src/records/domain/record-kinds.js';
import { readSaveRef } from '../../../src/records/domain/save-ref.js';
import { SIGN_OFF_FORM, signOffDecision } from '../../../src/records/domain/sign-off-form.js';
import {
  parseSignOffTarget,
  signOffNoticeState,
  signOffNoticeWork,
} from '../../../src/records/domain/sign-off-notice.js';
import { referenceData } from '../../../src/reference-data/reference-data.js';
import { yswd as yswdAnswers } from '../record-fixtures.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-11-24T10:00:00Z');
const author = { id: 'aad-lead', name: 'Priya Lead' };
const admin = { id: 'aad-admin', name: 'Pat Admin' };
const today = '2026-11-23';

function yswdDoc(): RecordDoc {
  const read = readForm(recordForm('yswd', referenceData.directorates, { today }), yswdAnswers);
  if (!read.ok) throw new Error('fixture');
  return newRecord({ kind: 'yswd', id: 'a1b2c3d4-0001' }, recordBase('yswd', read.values), author, NOW);
}

describe('record forms', () => {
  it('checks rules across fields over what passed, without repeating a field’s own error', () => {
    const form = recordForm('yswd', referenceData.directorates, { today });
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
    const form = recordForm('feedback', referenceData.directorates, { today });
    const base = { directorate: 'finance', date: '2026-11-20', activityName: 'Focus group', valued: '8', impact: '7' };
    expect(readForm(form, { ...base, responses: '10', viewsYes: '9', viewsNo: '2' })).toMatchObject({
      ok: false,
      errors: [{ key: 'viewsYes' }],
    });
    const noCount = readForm(form, { ...base, responses: 'lots', viewsYes: '9', viewsNo: '2' });
    expect(noCount.ok || noCount.errors.map((e) => e.key)).toEqual(['responses']);
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
