import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../src/calendar/calendar-input-error.js';
import { computeNextDue, followUpDue, snoozeUntil } from '../../src/calendar/due-date.js';
import { fromLondonLocal } from '../../src/calendar/london-time.js';
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../src/calendar/working-hours.js';

const hours = DEFAULT_WORKING_HOURS;
const london = (y: number, m: number, d: number, h: number, min: number) => fromLondonLocal(y, m, d, h, min);
const iso = (date: Date) => date.toISOString();

describe('computeNextDue', () => {
  it('crosses BST -> GMT: 42 days from 20 Sep 2026 lands on Sunday 1 Nov, so Monday 2 Nov 09:30 GMT', () => {
    expect(iso(computeNextDue(london(2026, 9, 20, 10, 0), 42, hours))).toBe('2026-11-02T09:30:00.000Z');
  });

  it('crosses GMT -> BST: 42 days from 20 Feb 2026 lands on Good Friday, so Tuesday 7 Apr 09:30 BST', () => {
    expect(iso(computeNextDue(london(2026, 2, 20, 10, 0), 42, hours))).toBe('2026-04-07T08:30:00.000Z');
  });

  it('lands on a working day at the working-hours start whatever the time of day of `from`', () => {
    expect(iso(computeNextDue(london(2026, 11, 2, 15, 59), 7, hours))).toBe('2026-11-09T09:30:00.000Z');
    expect(iso(computeNextDue(london(2026, 11, 2, 8, 0), 1, hours))).toBe('2026-11-03T09:30:00.000Z');
  });

  it('moves Saturday and Sunday due dates to Monday', () => {
    expect(iso(computeNextDue(london(2026, 11, 20, 12, 0), 1, hours))).toBe('2026-11-23T09:30:00.000Z');
    expect(iso(computeNextDue(london(2026, 11, 20, 12, 0), 2, hours))).toBe('2026-11-23T09:30:00.000Z');
  });

  it('skips Christmas 2026 (Fri 25th, substitute Mon 28th)', () => {
    expect(iso(computeNextDue(london(2026, 12, 18, 11, 0), 7, hours))).toBe('2026-12-29T09:30:00.000Z');
    expect(iso(computeNextDue(london(2026, 11, 30, 11, 0), 28, hours))).toBe('2026-12-29T09:30:00.000Z');
  });

  it('skips Easter 2027 (Good Friday 26 Mar, Easter Monday 29 Mar, just after BST starts)', () => {
    expect(iso(computeNextDue(london(2027, 3, 19, 11, 0), 7, hours))).toBe('2027-03-30T08:30:00.000Z');
    expect(iso(computeNextDue(london(2027, 3, 22, 11, 0), 7, hours))).toBe('2027-03-30T08:30:00.000Z');
  });

  it('counts from the London date, not the UTC date', () => {
    // 23:30Z on 30 June is 00:30 BST on 1 July; +7 days is Wednesday 8 July.
    expect(iso(computeNextDue(new Date('2026-06-30T23:30:00Z'), 7, hours))).toBe('2026-07-08T08:30:00.000Z');
  });

  it('uses custom working hours', () => {
    const early = parseWorkingHours('08:00-12:00');
    expect(iso(computeNextDue(london(2026, 11, 2, 15, 0), 7, early))).toBe('2026-11-09T08:00:00.000Z');
  });

  it('rejects a cadence that is not a whole number of days >= 1', () => {
    for (const bad of [0, -7, 1.5, Number.NaN]) {
      expect(() => computeNextDue(london(2026, 11, 2, 10, 0), bad, hours)).toThrow(CalendarInputError);
    }
  });
});

describe('followUpDue', () => {
  it('counts 5 working days across Christmas 2026', () => {
    expect(iso(followUpDue(london(2026, 12, 22, 14, 0), 5, hours))).toBe('2026-12-31T09:30:00.000Z');
  });

  it('counts 5 working days across Easter 2027 and the start of BST', () => {
    expect(iso(followUpDue(london(2027, 3, 24, 14, 0), 5, hours))).toBe('2027-04-02T08:30:00.000Z');
  });

  it('counts from the next working day when sent at a weekend', () => {
    expect(iso(followUpDue(london(2026, 11, 21, 10, 0), 1, hours))).toBe('2026-11-23T09:30:00.000Z');
    expect(iso(followUpDue(london(2026, 11, 20, 17, 0), 5, hours))).toBe('2026-11-27T09:30:00.000Z');
  });

  it('rejects a count below 1', () => {
    expect(() => followUpDue(london(2026, 11, 20, 17, 0), 0, hours)).toThrow(CalendarInputError);
  });
});

describe('snoozeUntil', () => {
  const week = { kind: 'week' } as const;
  const onDate = (dateKey: string) => ({ kind: 'date', dateKey }) as const;

  it('a week keeps the London time of day', () => {
    expect(iso(snoozeUntil(london(2026, 11, 17, 14, 20), week, hours))).toBe('2026-11-24T14:20:00.000Z');
  });

  it('a week keeps the wall-clock time across BST -> GMT', () => {
    expect(iso(snoozeUntil(london(2026, 10, 20, 14, 20), week, hours))).toBe('2026-10-27T14:20:00.000Z');
  });

  it('a week moves to the next working slot when outside hours or on a bank holiday', () => {
    expect(iso(snoozeUntil(london(2026, 11, 17, 17, 0), week, hours))).toBe('2026-11-25T09:30:00.000Z');
    expect(iso(snoozeUntil(london(2026, 12, 18, 10, 0), week, hours))).toBe('2026-12-29T09:30:00.000Z');
    expect(iso(snoozeUntil(london(2026, 11, 21, 10, 0), week, hours))).toBe('2026-11-30T09:30:00.000Z');
  });

  it('a date gives that date at the working-hours start, or the next working day', () => {
    const now = london(2026, 11, 17, 14, 20);
    expect(iso(snoozeUntil(now, onDate('2026-12-01'), hours))).toBe('2026-12-01T09:30:00.000Z');
    expect(iso(snoozeUntil(now, onDate('2026-11-21'), hours))).toBe('2026-11-23T09:30:00.000Z');
    expect(iso(snoozeUntil(now, onDate('2026-12-25'), hours))).toBe('2026-12-29T09:30:00.000Z');
    expect(iso(snoozeUntil(now, onDate('2027-04-01'), hours))).toBe('2027-04-01T08:30:00.000Z');
  });

  it('today is allowed and never returns a time before now', () => {
    expect(iso(snoozeUntil(london(2026, 11, 17, 8, 0), onDate('2026-11-17'), hours))).toBe('2026-11-17T09:30:00.000Z');
    expect(iso(snoozeUntil(london(2026, 11, 17, 11, 0), onDate('2026-11-17'), hours))).toBe('2026-11-17T11:00:00.000Z');
    expect(iso(snoozeUntil(london(2026, 11, 17, 16, 0), onDate('2026-11-17'), hours))).toBe('2026-11-18T09:30:00.000Z');
  });

  it('allows up to 365 days ahead', () => {
    expect(iso(snoozeUntil(london(2026, 11, 17, 11, 0), onDate('2027-11-17'), hours))).toBe('2027-11-17T09:30:00.000Z');
  });

  it('rejects past, far-future and malformed dates with plain messages', () => {
    const now = london(2026, 11, 17, 11, 0);
    expect(() => snoozeUntil(now, onDate('2026-11-16'), hours)).toThrow(CalendarInputError);
    expect(() => snoozeUntil(now, onDate('2026-11-16'), hours)).toThrow('That date has already passed');
    expect(() => snoozeUntil(now, onDate('2027-11-18'), hours)).toThrow('more than a year away');
    expect(() => snoozeUntil(now, onDate('2026-02-30'), hours)).toThrow('not a date I recognise');
    expect(() => snoozeUntil(now, onDate('next week'), hours)).toThrow(CalendarInputError);
  });

  it('judges "past" by the London date', () => {
    // 23:30Z on 30 June is already 1 July in London, so 30 June is in the past.
    const now = new Date('2026-06-30T23:30:00Z');
    expect(() => snoozeUntil(now, onDate('2026-06-30'), hours)).toThrow('already passed');
    expect(iso(snoozeUntil(now, onDate('2026-07-01'), hours))).toBe('2026-07-01T08:30:00.000Z');
  });
});
