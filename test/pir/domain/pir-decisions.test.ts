import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/forms/read-form.js';
import {
  assigned,
  assigneeOf,
  decided,
  decidedFirstNotice,
  decisionRefusal,
} from '../../../src/pir/domain/assessment.js';
import { checkLeadCard, parseCardRef, parsePirId } from '../../../src/pir/domain/card-ref.js';
import { DECISION_FORM, decisionDetails } from '../../../src/pir/domain/decision-form.js';
import type { Pir } from '../../../src/pir/domain/pir.js';
import {
  answerStep,
  editFromReview,
  incompleteSteps,
  isDiscardable,
  isEmptyDraft,
  isRepeatedMove,
  openRequests,
  startDraft,
  submitBlocker,
  submitPir,
  submitted,
} from '../../../src/pir/domain/pir-transitions.js';
import { readStepAnswers, typedValues } from '../../../src/pir/domain/read-step-answers.js';
import { stepAnswers } from '../pir-fixtures.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-11-23T11:00:00Z');
const lead = { id: 'aad-lead', name: 'Priya Lead' };
const member = { id: 'aad-member', name: 'Morgan Member' };

const complete: Pir['answers'] = {
  ...stepAnswers.basics,
  ...stepAnswers.intelligence,
  ...stepAnswers.groups,
  ...stepAnswers.involvement,
  ...stepAnswers.influence,
  protectedCharacteristics: [stepAnswers.equality.protectedCharacteristics],
  seldomHeardGroups: [],
  equalityPlans: stepAnswers.plans.equalityPlans,
  support: [stepAnswers.support.support],
};

function draft(extra: Partial<Pir> = {}): Pir {
  return { ...startDraft('pir-1', lead, NOW), ...extra };
}

describe('a lead moving through the steps', () => {
  it('Next goes forward, Back goes back (the first step stays), Save stays; every change bumps the revision', () => {
    const start = draft();
    expect(answerStep(start, 'basics', {}, 'next', LATER)).toMatchObject({ position: 'intelligence', revision: 2 });
    expect(answerStep(start, 'basics', {}, 'back', LATER).position).toBe('basics');
    const second = { ...start, position: 'groups' as const };
    expect(answerStep(second, 'groups', {}, 'back', LATER).position).toBe('intelligence');
    expect(answerStep(second, 'groups', { groupsAffected: 'Carers' }, 'save', LATER)).toMatchObject({
      position: 'groups',
      answers: { groupsAffected: 'Carers' },
      updatedAt: LATER.toISOString(),
    });
    expect(answerStep({ ...start, position: 'support' }, 'support', {}, 'next', LATER).position).toBe('review');
  });

  it('editing from the review returns to the review on Next or Back, then forgets it', () => {
    const editing = editFromReview(draft({ position: 'review' }), 'groups', LATER);
    expect(editing).toMatchObject({ position: 'groups', returnToReview: true });
    expect(answerStep(editing, 'groups', {}, 'next', LATER)).toMatchObject({
      position: 'review',
      returnToReview: false,
    });
    expect(answerStep(editing, 'groups', {}, 'back', LATER).position).toBe('review');
  });

  it('names the steps still to answer; plans are needed only once a group is chosen', () => {
    expect(incompleteSteps(complete)).toEqual([]);
    const noGroups = { ...complete, protectedCharacteristics: [], equalityPlans: undefined };
    expect(incompleteSteps(noGroups)).toEqual([]);
    expect(incompleteSteps({ ...complete, equalityPlans: undefined })).toEqual(['plans']);
    expect(incompleteSteps({})).toEqual(['basics', 'intelligence', 'groups', 'involvement', 'influence']);
  });

  it('continues with the requests still open, most recently touched first', () => {
    const old = draft({ id: 'a', updatedAt: '2026-11-01T00:00:00Z' });
    const recent = draft({ id: 'b', updatedAt: '2026-11-20T00:00:00Z' });
    const sent = draft({ id: 'c', status: 'submitted', updatedAt: '2026-11-22T00:00:00Z' });
    const returned = draft({ id: 'd', status: 'changes-requested', updatedAt: '2026-11-21T00:00:00Z' });
    expect(openRequests([old, sent, recent, returned]).map((p) => p.id)).toEqual(['d', 'b', 'a']);
    expect(openRequests([sent])).toEqual([]);
  });

  it('reuses a draft with nothing in it, and discards only drafts never submitted', () => {
    expect(isEmptyDraft(draft())).toBe(true);
    expect(isEmptyDraft(draft({ answers: { title: '', support: [] } }))).toBe(true);
    expect(isEmptyDraft(draft({ answers: { title: 'Ward 7' } }))).toBe(false);
    expect(isEmptyDraft(draft({ status: 'submitted' }))).toBe(false);
    expect(isDiscardable(draft({ answers: { title: 'Ward 7' } }))).toBe(true);
    expect(isDiscardable(draft({ status: 'changes-requested', reference: 'PIR-2026-0001' }))).toBe(false);
  });

  it('knows a second click of the same button (a double click) from a new answer on an old card', () => {
    const start = draft();
    const card = { pirId: start.id, revision: start.revision, position: 'basics' as const };
    const moved = answerStep(start, 'basics', { title: 'Ward 7' }, 'next', LATER);
    expect(isRepeatedMove(moved, card, 'next', { title: 'Ward 7' })).toBe(true);
    expect(isRepeatedMove(moved, card, 'next', { title: 'Something else' })).toBe(false);
    expect(isRepeatedMove(moved, card, 'save', { title: 'Ward 7' })).toBe(false);
    expect(isRepeatedMove(moved, { ...card, revision: 0 }, 'next', { title: 'Ward 7' })).toBe(false);
    const movedAgain = answerStep(moved, 'intelligence', {}, 'save', LATER);
    expect(isRepeatedMove(movedAgain, card, 'next', { title: 'Ward 7' })).toBe(false);
  });
});

describe('card references (untrusted button data)', () => {
  it('reads a well-formed reference and refuses anything malformed', () => {
    expect(parseCardRef({ pirId: 'pir-1', revision: 3, step: 'groups' })).toEqual({
      pirId: 'pir-1',
      revision: 3,
      position: 'groups',
    });
    expect(parseCardRef({ pirId: 'pir-1', revision: '3', leadId: 'aad-lead' })).toMatchObject({ leadId: 'aad-lead' });
    for (const bad of [
      {},
      { pirId: 'a/b', revision: 1 },
      { pirId: 'p', revision: -1 },
      { pirId: 'p', revision: 1.5 },
    ]) {
      expect(parseCardRef(bad)).toBeUndefined();
    }
    expect(parsePirId({ pirId: 'x'.repeat(65) })).toBeUndefined();
  });

  it('says whether a click matches the request as stored', () => {
    const pir = draft({ revision: 4, position: 'groups' });
    expect(checkLeadCard(pir, { pirId: 'pir-1', revision: 4, position: 'groups' })).toBe('current');
    expect(checkLeadCard(pir, { pirId: 'pir-1', revision: 3, position: 'groups' })).toBe('out-of-date');
    expect(checkLeadCard(pir, { pirId: 'pir-1', revision: 4, position: 'basics' })).toBe('out-of-date');
    expect(checkLeadCard({ ...pir, status: 'submitted' }, { pirId: 'pir-1', revision: 4 })).toBe('not-editable');
  });
});

describe('reading a step card', () => {
  it('Next needs every required answer; Save and finish later keeps what is there', () => {
    const next = readStepAnswers('basics', { title: 'Ab' }, {}, 'next');
    expect(next.ok).toBe(false);
    if (next.ok) return;
    expect(next.errors.map((e) => e.key).sort()).toEqual([
      'directorate',
      'endDate',
      'qualityPriority',
      'startDate',
      'title',
    ]);
    expect(readStepAnswers('basics', { title: 'Ab' }, {}, 'save')).toEqual({
      ok: true,
      changes: {
        title: 'Ab',
        directorate: undefined,
        qualityPriority: undefined,
        startDate: undefined,
        endDate: undefined,
      },
    });
  });

  it('refuses an end date before the start date, as one error on the end date', () => {
    const read = readStepAnswers('basics', { ...stepAnswers.basics, endDate: '2026-11-30' }, {}, 'next');
    expect(read).toMatchObject({ ok: false, errors: [{ key: 'endDate', message: /on or after the start date/ }] });
  });

  it('asks for plans only when an earlier step chose a group', () => {
    expect(readStepAnswers('plans', {}, { protectedCharacteristics: [] }, 'next').ok).toBe(true);
    expect(readStepAnswers('plans', {}, { protectedCharacteristics: ['age'] }, 'next').ok).toBe(false);
  });

  it('refuses personal data and gives back what was typed masked', () => {
    const data = { intelligence: 'A patient (943 476 5919) told us about the waits in clinic.' };
    const read = readStepAnswers('intelligence', data, {}, 'next');
    expect(read).toMatchObject({ ok: false, message: /patient-identifiable/ });
    expect(typedValues('intelligence', data).intelligence).toBe(
      'A patient (943 ••• ••••) told us about the waits in clinic.',
    );
  });
});

describe('submitting', () => {
  const review = draft({ position: 'review', answers: complete, revision: 9 });
  const ref = { pirId: 'pir-1', revision: 9 };

  it('needs the review card of this revision, an open request and every required answer', () => {
    expect(submitBlocker(review, ref)).toBeUndefined();
    expect(submitBlocker(review, { ...ref, revision: 8 })).toBe('out-of-date');
    expect(submitBlocker({ ...review, position: 'groups' }, ref)).toBe('out-of-date');
    expect(submitBlocker({ ...review, answers: {} }, ref)).toBe('incomplete');
    expect(submitBlocker({ ...review, status: 'submitted' }, ref)).toBe('not-editable');
  });

  it('submits only the revision reviewed (a double click or a change in between is refused)', () => {
    expect(submitted(review, 9, 'PIR-2026-0001', LATER)).toMatchObject({ status: 'submitted', revision: 10 });
    expect(submitted(review, 8, 'PIR-2026-0001', LATER)).toBeUndefined();
    expect(submitted({ ...review, status: 'submitted' }, 9, 'PIR-2026-0001', LATER)).toBeUndefined();
  });
});

describe('the PPI team’s assessment', () => {
  const open = submitPir(draft({ position: 'review', answers: complete }), 'PIR-2026-0001', NOW);

  it('refuses an unknown decision and a request already decided', () => {
    expect(decisionRefusal(open, 'accept')).toBeUndefined();
    expect(decisionRefusal(open, 'approve-everything')).toBe('That button is out of date.');
    const accepted = decided(open, open.reference, 'accept', member, {}, LATER);
    expect(accepted && decisionRefusal(accepted, 'decline')).toBe('This request has already been decided.');
  });

  it('the first decision wins; a resubmission (new reference) is not decided by an old card', () => {
    const first = decided(open, 'PIR-2026-0001', 'decline', member, { comment: 'Out of scope' }, LATER);
    expect(first).toMatchObject({ status: 'declined', assessment: { decidedBy: member, comment: 'Out of scope' } });
    expect(first && decided(first, 'PIR-2026-0001', 'accept', lead, {}, LATER)).toBeUndefined();
    expect(decided(open, 'PIR-2026-0002', 'accept', member, {}, LATER)).toBeUndefined();
    expect(first && decidedFirstNotice(first)).toBe(
      'Morgan Member decided this first, so your decision was not recorded.',
    );
  });

  it('needs a comment for anything but a plain accept, and records rung and support', () => {
    expect(readForm(DECISION_FORM, {}, { known: { decision: 'accept' } }).ok).toBe(true);
    expect(readForm(DECISION_FORM, {}, { known: { decision: 'request-changes' } })).toMatchObject({
      ok: false,
      errors: [{ key: 'comment', message: 'Please answer “Comment for the project lead”.' }],
    });
    const read = readForm(DECISION_FORM, {
      comment: 'Involve carers',
      expectedRung: 'co-production',
      agreedSupport: 'a,b',
    });
    expect(read.ok).toBe(false); // unknown support options are refused, not dropped
    const good = readForm(DECISION_FORM, { comment: 'Involve carers', expectedRung: 'co-production' });
    expect(good.ok && decisionDetails(good.values)).toEqual({
      comment: 'Involve carers',
      expectedRung: 'co-production',
      agreedSupport: [],
    });
  });

  it('assigns to the clicker or to an active member chosen, only while awaiting assessment', () => {
    expect(assigneeOf(true, lead, [member], undefined)).toBe(lead);
    expect(assigneeOf(false, lead, [member], member.id)).toBe(member);
    expect(assigneeOf(false, lead, [member], 'someone-else')).toBeUndefined();
    expect(assigned(open, member, LATER)?.assessment.assignee).toEqual(member);
    const done = decided(open, open.reference, 'accept', member, {}, LATER);
    expect(done && assigned(done, member, LATER)).toBeUndefined();
  });
});
