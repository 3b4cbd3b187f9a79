import { describe, expect, it } from 'vitest';
import type { Champion } from '../../../src/champions/domain/champion.js';
import {
  cycleAnswered,
  followUpSent,
  nudgeSent,
  repeatsAnswer,
  responseStatusOf,
} from '../../../src/champions/domain/nudge-cycle.js';
import type { NudgeSettings } from '../../../src/champions/domain/nudge-settings.js';

const settings: NudgeSettings = {
  cadenceDays: 42,
  workingHours: { start: '09:30', end: '16:00' },
  followUpAfterWorkingDays: 5,
  maxFollowUps: 1,
};

function champion(nextDueAt: string, extra: Partial<Champion> = {}): Champion {
  return {
    person: { id: 'c1', name: 'Chris' },
    directorate: 'finance',
    status: 'active',
    nextDueAt,
    registeredBy: 'c1',
    registeredAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('six-weekly cycle (fake clock, UK time)', () => {
  it('sets the next due date 42 days on, across the October clock change (BST → GMT)', () => {
    // Tuesday 15 September 2026 09:30 BST = 08:30Z; +42 days = Tuesday 27 October 2026 09:30 GMT = 09:30Z.
    const due = '2026-09-15T08:30:00.000Z';
    const change = nudgeSent(champion(due), due, new Date(due), settings);
    expect(change.champion.nextDueAt).toBe('2026-10-27T09:30:00.000Z');
  });

  it('sets the next due date across the March clock change (GMT → BST)', () => {
    // Monday 16 February 2026 09:30 GMT; +42 days = Monday 30 March 2026 09:30 BST = 08:30Z.
    const due = '2026-02-16T09:30:00.000Z';
    expect(nudgeSent(champion(due), due, new Date(due), settings).champion.nextDueAt).toBe('2026-03-30T08:30:00.000Z');
  });

  it('moves a due date off a bank holiday: 42 days from 14 Nov 2026 is Sat 26 Dec, so Tue 29 Dec', () => {
    const due = '2026-11-16T09:30:00.000Z';
    // Answered Monday 16 November: +42 = Monday 28 December (bank holiday, Boxing Day substitute) → Tuesday 29.
    const answered = cycleAnswered(
      champion(due, { cycle: { dueAt: due, nudgedAt: due, followUpsSent: 0 } }),
      due,
      { kind: 'involvement' },
      'c1',
      new Date('2026-11-16T11:00:00Z'),
      settings,
    );
    expect(answered.champion.nextDueAt).toBe('2026-12-29T09:30:00.000Z');
    expect(answered.champion.lastResponseAt).toBe('2026-11-16T11:00:00.000Z');
    expect(answered.schedule).toEqual([
      { kind: 'nudge', targetId: 'c1', cycle: '2026-12-29T09:30:00.000Z', dueAt: '2026-12-29T09:30:00.000Z' },
    ]);
  });

  it('plans one follow-up five working days later, skipping the Christmas bank holidays', () => {
    // Wednesday 23 December 2026 → 5 working days: 24, 29, 30, 31 Dec, 4 Jan (25, 28 Dec and 1 Jan are holidays).
    const due = '2026-12-23T09:30:00.000Z';
    const change = nudgeSent(champion(due), due, new Date('2026-12-23T10:00:00Z'), settings);
    const followUp = change.schedule.find((w) => w.kind === 'nudge-follow-up');
    expect(followUp).toEqual({
      kind: 'nudge-follow-up',
      targetId: 'c1',
      cycle: `${due}#1`,
      dueAt: '2027-01-04T09:30:00.000Z',
    });
  });

  it('never plans more follow-ups than MAX_FOLLOW_UPS', () => {
    const due = '2027-01-04T09:30:00.000Z';
    const sent = nudgeSent(champion(due), due, new Date(due), settings).champion;
    expect(followUpSent(sent, 1, new Date('2027-01-11T09:30:00Z'), settings).schedule).toEqual([]);
    const two = { ...settings, maxFollowUps: 2 };
    const second = followUpSent(sent, 1, new Date('2027-01-11T09:30:00Z'), two).schedule;
    expect(second.map((w) => w.cycle)).toEqual([`${due}#2`]);
    expect(followUpSent(sent, 2, new Date('2027-01-18T09:30:00Z'), two).schedule).toEqual([]);
    expect(nudgeSent(champion(due), due, new Date(due), { ...settings, maxFollowUps: 0 }).schedule).toHaveLength(1);
  });

  it('snoozes for a week, or to a date, and refuses a date in the past', () => {
    const due = '2027-01-04T09:30:00.000Z';
    const open = champion(due, { cycle: { dueAt: due, nudgedAt: due, followUpsSent: 0 } });
    const now = new Date('2027-01-04T14:20:00Z');
    const week = cycleAnswered(open, due, { kind: 'snoozed', option: { kind: 'week' } }, 'c1', now, settings);
    expect(week.champion.nextDueAt).toBe('2027-01-11T14:20:00.000Z');
    expect(week.champion.lastResponseAt).toBeUndefined();
    const date = cycleAnswered(
      open,
      due,
      { kind: 'snoozed', option: { kind: 'date', dateKey: '2027-02-06' } },
      'c1',
      now,
      settings,
    );
    expect(date.champion.nextDueAt).toBe('2027-02-08T09:30:00.000Z');
    expect(() =>
      cycleAnswered(
        open,
        due,
        { kind: 'snoozed', option: { kind: 'date', dateKey: '2026-12-01' } },
        'c1',
        now,
        settings,
      ),
    ).toThrow(/already passed/);
  });

  it('reports "no response" only after the last follow-up and its wait', () => {
    const due = '2027-01-04T09:30:00.000Z';
    const nudged = nudgeSent(champion(due), due, new Date(due), settings).champion;
    expect(responseStatusOf(champion(due), new Date(due), settings)).toBe('not yet nudged');
    expect(responseStatusOf(nudged, new Date('2027-01-20T10:00:00Z'), settings)).toBe('awaiting answer');
    const followedUp = followUpSent(nudged, 1, new Date('2027-01-11T09:30:00Z'), settings).champion;
    expect(responseStatusOf(followedUp, new Date('2027-01-15T10:00:00Z'), settings)).toBe('awaiting answer');
    expect(responseStatusOf(followedUp, new Date('2027-01-18T09:30:00Z'), settings)).toBe('no response');
    const answered = cycleAnswered(
      followedUp,
      due,
      { kind: 'involvement' },
      'c1',
      new Date('2027-01-19T10:00:00Z'),
      settings,
    );
    expect(responseStatusOf(answered.champion, new Date('2027-01-20T10:00:00Z'), settings)).toBe('answered');
  });
});

describe('the same answer again (a double click on Save)', () => {
  const due = '2027-01-04T09:30:00.000Z';
  const at = new Date('2027-01-04T10:00:00Z');
  const open = champion(due, { cycle: { dueAt: due, nudgedAt: due, followUpsSent: 0 } });

  it('is recognised for the same person, kind, reason and snooze; anything else is not', () => {
    const why = { kind: 'without-patients', whyNot: 'Year-end.' } as const;
    const answered = cycleAnswered(open, due, why, 'c1', at, settings).champion;
    expect(repeatsAnswer(answered, due, why, 'c1', settings)).toBe(true);
    expect(repeatsAnswer(answered, due, { ...why, whyNot: 'Other.' }, 'c1', settings)).toBe(false);
    expect(repeatsAnswer(answered, due, why, 'deputy', settings)).toBe(false);
    expect(repeatsAnswer(answered, '2026-11-23T09:30:00.000Z', why, 'c1', settings)).toBe(false);
    expect(repeatsAnswer(open, due, why, 'c1', settings)).toBe(false);
    const week = { kind: 'snoozed', option: { kind: 'week' } } as const;
    const snoozed = cycleAnswered(open, due, week, 'c1', at, settings).champion;
    expect(repeatsAnswer(snoozed, due, week, 'c1', settings)).toBe(true);
    const date = { kind: 'snoozed', option: { kind: 'date', dateKey: '2027-02-01' } } as const;
    expect(repeatsAnswer(snoozed, due, date, 'c1', settings)).toBe(false);
    expect(repeatsAnswer(snoozed, due, why, 'c1', settings)).toBe(false);
  });
});
