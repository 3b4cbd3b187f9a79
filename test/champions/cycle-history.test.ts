import { describe, expect, it } from 'vitest';
import type { Champion, NudgeCycle } from '../../src/champions/domain/champion.js';
import { KEPT_PAST_CYCLES, keepCycleHistory } from '../../src/champions/domain/cycle-history.js';

const cycle = (dueAt: string, whyNot?: string): NudgeCycle => ({
  dueAt,
  nudgedAt: dueAt,
  followUpsSent: 0,
  ...(whyNot ? { answer: 'without-patients', answeredAt: dueAt, whyNot } : {}),
});

const champion = (current?: NudgeCycle, past?: NudgeCycle[]): Champion => ({
  person: { id: 'aad-c', name: 'Chris' },
  directorate: 'finance',
  status: 'active',
  nextDueAt: '2027-03-01T09:30:00.000Z',
  registeredBy: 'aad-c',
  registeredAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...(current ? { cycle: current } : {}),
  ...(past ? { pastCycles: past } : {}),
});

describe('keeping earlier check-ins when a new cycle starts', () => {
  it('moves the replaced cycle, with its reason, to pastCycles', () => {
    const before = champion(cycle('2027-01-04T09:30:00.000Z', 'Budget work only.'));
    const after = keepCycleHistory(before, champion(cycle('2027-02-15T09:30:00.000Z')));
    expect(after.pastCycles).toEqual([cycle('2027-01-04T09:30:00.000Z', 'Budget work only.')]);
    expect(after.cycle?.dueAt).toBe('2027-02-15T09:30:00.000Z');
  });

  it('changes nothing when the cycle stays the same, or for a new champion', () => {
    const same = champion(cycle('2027-01-04T09:30:00.000Z'));
    const answered = champion(cycle('2027-01-04T09:30:00.000Z', 'Quiet.'));
    expect(keepCycleHistory(same, answered)).toBe(answered);
    expect(keepCycleHistory(undefined, same)).toBe(same);
    expect(keepCycleHistory(champion(), same)).toBe(same);
  });

  it('never keeps one cycle twice, and drops the oldest past the limit, saying from when', () => {
    const past = Array.from({ length: KEPT_PAST_CYCLES }, (_, i) =>
      cycle(`2025-${String(i + 1).padStart(2, '0')}-01T09:30:00.000Z`),
    );
    const current = cycle('2026-01-05T09:30:00.000Z', 'Holidays.');
    const after = keepCycleHistory(champion(current, past), champion(cycle('2026-02-16T09:30:00.000Z'), past));
    expect(after.pastCycles).toHaveLength(KEPT_PAST_CYCLES);
    expect(after.pastCycles?.[0]?.dueAt).toBe('2025-02-01T09:30:00.000Z');
    expect(after.pastCycles?.at(-1)).toEqual(current);
    expect(after.pastCyclesFrom).toBe('2025-01-01T09:30:00.000Z');
    const again = keepCycleHistory(
      champion(current, [current]),
      champion(cycle('2026-02-16T09:30:00.000Z'), [current]),
    );
    expect(again.pastCycles).toEqual([current]);
  });
});
