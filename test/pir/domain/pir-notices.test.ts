import { describe, expect, it } from 'vitest';
import { answerChanges, ordinal } from '../../../src/pir/domain/answer-changes.js';
import type { Pir, PostedCard } from '../../../src/pir/domain/pir.js';
import {
  cardState,
  cardWork,
  decisionState,
  laterRound,
  parseNoticeTarget,
  replyReference,
  submissionCycle,
  UPDATE_PATIENCE_MS,
  updateRevision,
  updateState,
  updateWork,
  withPostedCard,
} from '../../../src/pir/domain/pir-notices.js';
import { decide, nextSubmission, startDraft, submitPir } from '../../../src/pir/domain/pir-transitions.js';
import { ppiQueueOf } from '../../../src/pir/domain/ppi-queue.js';
import { labelOf, referenceData } from '../../../src/reference-data/reference-data.js';
import { shippedLists } from '../pir-fixtures.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const rungs = referenceData.ladderRungs;
const lead = { id: 'aad-lead', name: 'Priya Lead' };
const draft: Pir = {
  ...startDraft('pir-1', lead, NOW),
  position: 'review',
  answers: { title: 'Discharge lounge', directorate: 'finance', rung: 'co-design', support: ['patient-partners'] },
};
const first = submitPir(draft, 'PIR-2026-0001', NOW, shippedLists);
const sentBack = decide(first, 'request-changes', lead, { comment: 'Involve carers.' }, NOW);
const post = (activityId: string, channel = '19:ppi', submission = 1): PostedCard => ({
  activityId,
  conversation: { serviceUrl: 'https://smba/', conversation: { id: channel } },
  submission,
});

describe('a resubmission says what changed', () => {
  it('numbers submissions and keeps the assessed answers to compare with', () => {
    expect(nextSubmission(draft)).toBe(1);
    expect(first.submission).toEqual({ number: 1, at: NOW.toISOString() });
    expect(first.submittedAnswers).toEqual(draft.answers);
    const second = submitPir(
      { ...sentBack, answers: { ...sentBack.answers, title: 'With carers' } },
      'PIR-2026-0001',
      NOW,
      shippedLists,
    );
    expect(second.submission).toMatchObject({ number: 2, previousComment: 'Involve carers.' });
    expect(second.submission?.changes).toEqual([
      { section: 'Project basics', question: 'Project title', before: 'Discharge lounge', after: 'With carers' },
    ]);
    // Requests submitted before submissions were numbered count as one; their earlier answers were not kept.
    const older = { ...sentBack, submission: undefined, submittedAnswers: undefined };
    expect(submitPir(older, 'PIR-2026-0001', NOW, shippedLists).submission).toEqual({
      number: 2,
      at: NOW.toISOString(),
      previousComment: 'Involve carers.',
    });
  });

  it('describes choices by their labels, and only what changed', () => {
    const changes = answerChanges(
      draft.answers,
      { ...draft.answers, rung: 'co-production', support: [] },
      shippedLists,
    );
    expect(changes.map((c) => [c.section, c.before, c.after])).toEqual([
      ['Scope for influence', labelOf(rungs, 'co-design'), labelOf(rungs, 'co-production')],
      ['Support from the PPI team', labelOf(referenceData.ppiSupportOptions, 'patient-partners'), '—'],
    ]);
    expect(answerChanges(draft.answers, draft.answers, shippedLists)).toEqual([]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
    ]);
  });
});

describe('when a notice goes', () => {
  it('the card of submission n: waits until it is saved, drops once a later one exists', () => {
    expect(cardState(undefined, 1).go).toBe('drop');
    expect(cardState(draft, 1)).toEqual({ go: 'wait', reason: 'not submitted yet' });
    expect(cardState(first, 1).go).toBe('send');
    const second = submitPir(sentBack, 'PIR-2026-0001', NOW, shippedLists);
    expect(cardState(second, 1).go).toBe('drop');
    expect(cardState(second, 2).go).toBe('send');
  });

  it('the decision notice: waits until decided, drops once the lead resubmitted', () => {
    expect(decisionState(first, 1)).toEqual({ go: 'wait', reason: 'not decided yet' });
    expect(decisionState(sentBack, 1).go).toBe('send');
    expect(decisionState(submitPir(sentBack, 'PIR-2026-0001', NOW, shippedLists), 1).go).toBe('drop');
  });

  it('an update: once the change is saved and the card is posted; a wait is bounded', () => {
    const work = updateWork(first, first.revision + 1, 'abc', NOW);
    expect(updateRevision(work.cycle)).toBe(first.revision + 1);
    expect(updateState(first, first.revision + 1, work, NOW).go).toBe('wait');
    const posted = { ...sentBack, assessmentPost: post('a1') };
    expect(updateState(posted, first.revision + 1, work, NOW).go).toBe('send');
    const late = new Date(NOW.getTime() + UPDATE_PATIENCE_MS + 1);
    expect(updateState(first, first.revision + 1, work, late)).toEqual({
      go: 'drop',
      reason: 'the change was not saved',
    });
    expect(updateState(sentBack, first.revision + 1, work, late)).toEqual({
      go: 'drop',
      reason: 'no card posted to update',
    });
  });

  it('names its request and submission, and tries again in later rounds a few times', () => {
    const work = cardWork(first, 1, NOW);
    expect(parseNoticeTarget(work.targetId)).toEqual({ leadId: 'aad-lead', pirId: 'pir-1' });
    expect(submissionCycle(work.cycle)).toEqual({ submission: 1, round: 1 });
    const second = laterRound(work, NOW);
    expect(second?.round).toBe(2);
    expect(submissionCycle(cardWork(first, 1, NOW, 2).cycle)).toEqual({ submission: 1, round: 2 });
    expect(laterRound(cardWork(first, 1, NOW, 6), NOW)).toBeUndefined();
    expect(submissionCycle('x')).toBeUndefined();
  });
});

describe('the card in the channel and its thread', () => {
  it('keeps the first card as the thread, moves updates to the latest, and starts a new thread in a new channel', () => {
    const one = withPostedCard(first, post('a1'));
    expect(one?.assessmentThread?.activityId).toBe('a1');
    const two = one && withPostedCard(one, post('r2', '19:ppi;messageid=a1', 2));
    expect(two?.assessmentPost?.activityId).toBe('r2');
    expect(two?.assessmentThread?.activityId).toBe('a1');
    expect(two && withPostedCard(two, post('late-1', '19:ppi', 1))).toBeUndefined();
    expect(two && withPostedCard(two, post('r2', '19:ppi;messageid=a1', 2))).toBeUndefined();
    const moved = two && withPostedCard(two, post('n3', '19:new', 3));
    expect(moved?.assessmentThread?.activityId).toBe('n3');
    expect(replyReference(post('a1')).conversation?.id).toBe('19:ppi;messageid=a1');
  });

  it('sorts the queue into awaiting, assigned to me and changes requested, the longest-waiting first', () => {
    const me = { id: 'aad-me', name: 'Me' };
    const early = { ...first, id: 'early', submittedAt: '2026-11-01T10:00:00.000Z' };
    const mine = { ...first, id: 'mine', assessment: { assignee: me } };
    const queue = ppiQueueOf([first, sentBack, mine, early], me.id);
    expect(queue.awaiting.map((p) => p.id)).toEqual(['early', 'pir-1']);
    expect(queue.assignedToMe.map((p) => p.id)).toEqual(['mine']);
    expect(queue.changesRequested.map((p) => p.id)).toEqual(['pir-1']);
  });
});
