import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/forms/read-form.js';
import {
  assigned,
  assigneeOf,
  decided,
  decidedFirstNotice,
  decisionRefusal,
} from '../../../src/pir/domain/assessment.js';
import {
  assessmentFacts,
  assessmentWarnings,
  isLate,
  outOfRemitTasks,
} from '../../../src/pir/domain/assessment-flags.js';
import { checkLeadCard, parseCardRef, parsePirId } from '../../../src/pir/domain/card-ref.js';
import { criteriaLines, DECISION_FORM, decisionDetails } from '../../../src/pir/domain/decision-form.js';
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
import { readPir } from '../../../src/pir/domain/read-pir.js';
import { readStepAnswers, typedValues } from '../../../src/pir/domain/read-step-answers.js';
import { shippedLists, stepAnswers } from '../pir-fixtures.js';

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
  disproportionate: 'yes',
  howAffected: stepAnswers.equality.howAffected,
  protectedCharacteristics: [stepAnswers.equality.protectedCharacteristics],
  seldomHeardGroups: [],
  equalityPlans: stepAnswers.plans.equalityPlans,
  support: [stepAnswers.support.support],
  partnerRole: stepAnswers.support.partnerRole,
  partnerCommitment: 'regular',
  partnerMeetings: stepAnswers.support.partnerMeetings,
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

  it('names the steps still to answer; how groups are affected and the plans only with a yes', () => {
    expect(incompleteSteps(complete)).toEqual([]);
    const no = {
      ...complete,
      disproportionate: 'no',
      howAffected: undefined,
      protectedCharacteristics: [],
      equalityPlans: undefined,
    };
    expect(incompleteSteps(no)).toEqual([]);
    expect(incompleteSteps({ ...no, disproportionate: 'not-sure' })).toEqual([]);
    expect(incompleteSteps({ ...complete, equalityPlans: undefined })).toEqual(['plans']);
    expect(incompleteSteps({ ...complete, howAffected: undefined })).toEqual(['equality']);
    expect(incompleteSteps({ ...complete, partnerMeetings: undefined })).toEqual(['support']);
    expect(incompleteSteps({ ...complete, support: ['training'], partnerRole: undefined })).toEqual([]);
    expect(incompleteSteps({})).toEqual(['basics', 'intelligence', 'groups', 'involvement', 'influence', 'equality']);
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
    const next = readStepAnswers('basics', { title: 'Ab' }, {}, 'next', shippedLists);
    expect(next.ok).toBe(false);
    if (next.ok) return;
    expect(next.errors.map((e) => e.key).sort()).toEqual([
      'directorate',
      'endDate',
      'qualityPriority',
      'startDate',
      'title',
    ]);
    expect(readStepAnswers('basics', { title: 'Ab' }, {}, 'save', shippedLists)).toEqual({
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
    const read = readStepAnswers('basics', { ...stepAnswers.basics, endDate: '2026-11-30' }, {}, 'next', shippedLists);
    expect(read).toMatchObject({ ok: false, errors: [{ key: 'endDate', message: /on or after the start date/ }] });
  });

  it('asks for plans only after a yes (or, for a request saved before question 5, a group chosen)', () => {
    expect(readStepAnswers('plans', {}, { disproportionate: 'no' }, 'next', shippedLists).ok).toBe(true);
    expect(readStepAnswers('plans', {}, { disproportionate: 'yes' }, 'next', shippedLists).ok).toBe(false);
    expect(readStepAnswers('plans', {}, { protectedCharacteristics: [] }, 'next', shippedLists).ok).toBe(true);
    expect(readStepAnswers('plans', {}, { protectedCharacteristics: ['age'] }, 'next', shippedLists).ok).toBe(false);
  });

  it('question 5 is yes, no or not sure; yes needs how they might be affected; no cannot name groups', () => {
    const none = readStepAnswers('equality', {}, {}, 'next', shippedLists);
    expect(none).toMatchObject({ ok: false, errors: [{ key: 'disproportionate' }] });
    const yes = readStepAnswers('equality', { disproportionate: 'yes' }, {}, 'next', shippedLists);
    expect(yes).toMatchObject({ ok: false, errors: [{ key: 'howAffected' }] });
    const contradicts = readStepAnswers(
      'equality',
      { disproportionate: 'no', protectedCharacteristics: 'age' },
      {},
      'next',
      shippedLists,
    );
    expect(contradicts).toMatchObject({
      ok: false,
      errors: [{ key: 'disproportionate', message: /answer “Yes” or “Not sure”/ }],
    });
    expect(readStepAnswers('equality', { disproportionate: 'not-sure' }, {}, 'next', shippedLists).ok).toBe(true);
    expect(readStepAnswers('equality', { disproportionate: 'maybe' }, {}, 'next', shippedLists).ok).toBe(false);
  });

  it('offers only the lists’ current entries, and Informing upwards for the rung', () => {
    const retired = readStepAnswers(
      'basics',
      { ...stepAnswers.basics, qualityPriority: 'patient-safety' },
      {},
      'next',
      shippedLists,
    );
    expect(retired).toMatchObject({ ok: false, errors: [{ key: 'qualityPriority' }] });
    const added = {
      ...shippedLists,
      directorates: [...shippedLists.directorates, { id: 'digital', label: 'Digital Services', retired: false }],
    };
    expect(readStepAnswers('basics', { ...stepAnswers.basics, directorate: 'digital' }, {}, 'next', added).ok).toBe(
      true,
    );
    const coercion = readStepAnswers(
      'influence',
      { ...stepAnswers.influence, rung: 'coercion' },
      {},
      'next',
      shippedLists,
    );
    expect(coercion).toMatchObject({ ok: false, errors: [{ key: 'rung' }] });
  });

  it('refuses personal data and gives back what was typed masked', () => {
    const data = { intelligence: 'A patient (943 476 5919) told us about the waits in clinic.' };
    const read = readStepAnswers('intelligence', data, {}, 'next', shippedLists);
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
    expect(submitted(review, 9, 'PIR-2026-0001', LATER, shippedLists)).toMatchObject({
      status: 'submitted',
      revision: 10,
    });
    expect(submitted(review, 8, 'PIR-2026-0001', LATER, shippedLists)).toBeUndefined();
    expect(submitted({ ...review, status: 'submitted' }, 9, 'PIR-2026-0001', LATER, shippedLists)).toBeUndefined();
  });
});

describe('the PPI team’s assessment', () => {
  const open = submitPir(draft({ position: 'review', answers: complete }), 'PIR-2026-0001', NOW, shippedLists);

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
    const good = readForm(DECISION_FORM, {
      comment: 'Involve carers',
      expectedRung: 'co-production',
      'criterion-quality-strategy': 'high',
      'criterion-patient-focus': 'medium',
    });
    expect(good.ok && decisionDetails(good.values)).toEqual({
      comment: 'Involve carers',
      criteria: { 'quality-strategy': 'high', 'patient-focus': 'medium' },
      expectedRung: 'co-production',
      agreedSupport: [],
    });
    expect(readForm(DECISION_FORM, { expectedRung: 'educating' }).ok).toBe(false);
    expect(readForm(DECISION_FORM, { 'criterion-ladder': 'excellent' }).ok).toBe(false);
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

describe('what the PPI team’s card flags', () => {
  const sent = (answers: Pir['answers'], submittedAt: string) =>
    ({
      ...submitPir(draft({ position: 'review', answers }), 'PIR-2026-0001', new Date(submittedAt), shippedLists),
    }) as Pir;

  it('a request sent on or after its project’s start date is late (UK dates)', () => {
    expect(isLate(sent(complete, '2026-11-30T12:00:00Z'))).toBe(false);
    expect(isLate(sent(complete, '2026-12-01T09:00:00Z'))).toBe(true);
    // 23:30 GMT on 30 November is still 30 November in London; 23:30 BST on 31 March is 1 April.
    expect(isLate(sent({ ...complete, startDate: '2026-12-01' }, '2026-11-30T23:30:00Z'))).toBe(false);
    expect(isLate(sent({ ...complete, startDate: '2027-04-01' }, '2027-03-31T23:30:00Z'))).toBe(true);
    expect(isLate(draft({ answers: complete }))).toBe(false);
    expect(assessmentWarnings(sent(complete, '2026-12-02T09:00:00Z'))[0]).toBe(
      "Late: sent on or after the project's start date (Tuesday 1 December 2026), so patients may be involved too late to influence it.",
    );
  });

  it('warns when Patient Partners are asked for below the top three rungs or for tasks outside their remit', () => {
    const fine = sent(complete, '2026-11-24T10:00:00Z');
    expect(assessmentWarnings(fine)).toEqual([]);
    const low = sent({ ...complete, rung: 'consultation' }, '2026-11-24T10:00:00Z');
    expect(assessmentWarnings(low)).toEqual([
      expect.stringMatching(/^Patient Partners asked for, but the request aims lower than engagement/),
    ]);
    const remit = sent(
      { ...complete, partnerRole: 'Help with the uniform audit and restock leaflets' },
      '2026-11-24T10:00:00Z',
    );
    expect(outOfRemitTasks(remit)).toEqual(['audits of uniform policy', 'replenishing stocks of patient literature']);
    const noPartners = { ...remit, answers: { ...remit.answers, support: ['training'], rung: 'informing' } };
    expect(assessmentWarnings(noPartners)).toEqual([]);
  });

  it('says how question 5 was answered, or that it was not asked', () => {
    expect(assessmentFacts(sent(complete, '2026-11-24T10:00:00Z'))).toBe(
      'Aims for engagement or higher · Groups that may be disproportionately affected: yes · Support asked for: Patient Partners on the project group',
    );
    const old = sent(
      { ...complete, disproportionate: undefined, protectedCharacteristics: [] },
      '2026-11-24T10:00:00Z',
    );
    expect(assessmentFacts(old)).toContain('Groups that may be disproportionately affected: not asked');
  });

  it('names each criterion rated on the decision for the lead', () => {
    expect(criteriaLines({ criteria: { 'patient-focus': 'low', 'quality-strategy': 'high' } })).toEqual([
      { label: 'a) The project’s relevance to the Quality Strategy', value: 'High' },
      { label: 'c) The extent to which the project is patient focused', value: 'Low' },
    ]);
  });
});

describe('requests stored before question 5 had its own answer (the tolerant reader)', () => {
  it('read a chosen group as yes, and leave it unanswered when none was chosen', () => {
    const before = { ...draft(), answers: { ...complete, disproportionate: undefined } };
    expect(readPir(before).answers.disproportionate).toBe('yes');
    const none = { ...before, answers: { ...before.answers, protectedCharacteristics: [] } };
    expect(readPir(none).answers.disproportionate).toBeUndefined();
    expect(
      readPir({ ...before, answers: { ...before.answers, disproportionate: 'no' } }).answers.disproportionate,
    ).toBe('no');
    expect(readPir({ ...draft(), answers: undefined }).answers).toEqual({});
  });
});
