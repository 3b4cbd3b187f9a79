import { describe, expect, it } from 'vitest';
import type { Pir } from '../../../src/pir/domain/pir.js';
import { startDraft } from '../../../src/pir/domain/pir-transitions.js';
import { factMonthsOf, readMonthRow, requestFactsOf, sameFacts } from '../../../src/pir/domain/request-facts.js';

const draft = startDraft('r1', { id: 'aad-1', name: 'Lead' }, new Date('2026-11-01T10:00:00Z'));
const pir: Pir = {
  ...draft,
  status: 'accepted',
  reference: 'PIR-2026-0001',
  submittedAt: '2026-10-31T23:30:00.000Z',
  answers: { title: 'Discharge letters', directorate: 'finance', rung: 'co-design' },
  assessment: { decidedAt: '2026-11-30T23:59:00.000Z', expectedRung: 'co-production', comment: 'Good' },
};

describe('request facts (what a digest counts of a request)', () => {
  it('keeps only the figures a digest needs', () => {
    expect(requestFactsOf(pir)).toEqual({
      reference: 'PIR-2026-0001',
      status: 'accepted',
      submittedAt: '2026-10-31T23:30:00.000Z',
      answers: { directorate: 'finance', rung: 'co-design' },
      assessment: { decidedAt: '2026-11-30T23:59:00.000Z', expectedRung: 'co-production' },
    });
  });

  it('puts a request in the London months it was submitted and decided (BST counts)', () => {
    // BST ended on 25 October 2026: 23:30 UTC on 31 October is still 31 October in London, while 23:30 UTC on
    // 30 June (BST) is already 1 July.
    expect(factMonthsOf(pir)).toEqual(['2026-10', '2026-11']);
    const summer = { ...pir, submittedAt: '2026-06-30T23:30:00.000Z', assessment: {} };
    expect(factMonthsOf(summer)).toEqual(['2026-07']);
    expect(factMonthsOf(draft)).toEqual([]);
    expect(factMonthsOf({ ...pir, submittedAt: 'not a date', assessment: {} })).toEqual([]);
    expect(factMonthsOf(undefined)).toEqual([]);
  });

  it('tells a change of figures from a change of anything else', () => {
    const renamed: Pir = { ...pir, answers: { ...pir.answers, title: 'Renamed' } };
    const otherRung: Pir = { ...pir, answers: { ...pir.answers, rung: 'informing' } };
    expect(sameFacts(pir, renamed)).toBe(true);
    expect(sameFacts(pir, otherRung)).toBe(false);
    expect(sameFacts(pir, { ...pir, status: 'declined' })).toBe(false);
    expect(sameFacts(undefined, pir)).toBe(false);
  });

  it('trusts only a row written whole; an older or half-written row is read through the request', () => {
    const facts = requestFactsOf(pir);
    expect(readMonthRow({ state: 'written', leadId: 'a', pirId: 'b', facts })).toEqual({
      state: 'written',
      leadId: 'a',
      pirId: 'b',
      facts,
    });
    expect(readMonthRow({ state: 'writing', leadId: 'a', pirId: 'b', facts })).toEqual({
      state: 'writing',
      leadId: 'a',
      pirId: 'b',
    });
    expect(readMonthRow({ leadId: 'a', pirId: 'b' })?.state).toBe('writing');
    expect(readMonthRow({ state: 'written', leadId: 'a', pirId: 'b', facts: { status: 'x' } })?.state).toBe('writing');
    expect(readMonthRow({ state: 'written', pirId: 'b', facts })).toBeUndefined();
    expect(readMonthRow(null)).toBeUndefined();
  });
});
