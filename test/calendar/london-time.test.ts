import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../src/calendar/calendar-input-error.js';
import {
  addLondonDays,
  fromLondonLocal,
  isDateKey,
  londonDateKey,
  parseDateKey,
  toLondonParts,
  weekdayOfDateKey,
} from '../../src/calendar/london-time.js';

const at = (iso: string) => new Date(iso);

describe('toLondonParts', () => {
  it('reads GMT in winter and BST in summer', () => {
    expect(toLondonParts(at('2026-01-15T12:00:00Z'))).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 12,
      minute: 0,
      weekday: 4,
    });
    expect(toLondonParts(at('2026-07-01T12:05:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      hour: 13,
      minute: 5,
      weekday: 3,
    });
  });

  it('reports midnight as hour 0 and Sunday as 7', () => {
    expect(toLondonParts(at('2026-11-22T00:00:00Z'))).toMatchObject({ day: 22, hour: 0, minute: 0, weekday: 7 });
  });

  it('switches offset at 01:00 UTC on the last Sunday of March and October', () => {
    expect(toLondonParts(at('2026-03-29T00:59:00Z'))).toMatchObject({ hour: 0, minute: 59 });
    expect(toLondonParts(at('2026-03-29T01:00:00Z'))).toMatchObject({ hour: 2, minute: 0 });
    expect(toLondonParts(at('2026-10-25T00:30:00Z'))).toMatchObject({ hour: 1, minute: 30 });
    expect(toLondonParts(at('2026-10-25T01:30:00Z'))).toMatchObject({ hour: 1, minute: 30 });
  });

  it('rejects an invalid Date', () => {
    expect(() => toLondonParts(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('londonDateKey', () => {
  it('uses the London date, not the UTC date, in BST', () => {
    expect(londonDateKey(at('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDateKey(at('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('fromLondonLocal', () => {
  it('maps wall-clock times to GMT or BST instants', () => {
    expect(fromLondonLocal(2026, 11, 2, 9, 30).toISOString()).toBe('2026-11-02T09:30:00.000Z');
    expect(fromLondonLocal(2026, 4, 7, 9, 30).toISOString()).toBe('2026-04-07T08:30:00.000Z');
    expect(fromLondonLocal(2026, 1, 1, 0, 0).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(fromLondonLocal(2026, 7, 1, 0, 30).toISOString()).toBe('2026-06-30T23:30:00.000Z');
  });

  it('resolves the skipped March hour to the instant after the gap', () => {
    expect(fromLondonLocal(2026, 3, 29, 1, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(fromLondonLocal(2026, 3, 29, 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toLondonParts(fromLondonLocal(2026, 3, 29, 1, 30))).toMatchObject({ hour: 2, minute: 30 });
    expect(fromLondonLocal(2026, 3, 29, 2, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('resolves the repeated October hour to its first (BST) occurrence', () => {
    expect(fromLondonLocal(2026, 10, 25, 1, 0).toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(fromLondonLocal(2026, 10, 25, 1, 59).toISOString()).toBe('2026-10-25T00:59:00.000Z');
    expect(fromLondonLocal(2026, 10, 25, 2, 0).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('rejects impossible dates and times', () => {
    expect(() => fromLondonLocal(2026, 2, 29, 9, 30)).toThrow(RangeError);
    expect(() => fromLondonLocal(2026, 13, 1, 9, 30)).toThrow(RangeError);
    expect(() => fromLondonLocal(2026, 1, 1, 24, 0)).toThrow(RangeError);
    expect(() => fromLondonLocal(2026, 1, 1, 9, 60)).toThrow(RangeError);
    expect(() => fromLondonLocal(2026, 1, 1, 9.5, 0)).toThrow(RangeError);
  });

  it('round-trips every minute from 2020 to 2035, except the second pass of the repeated hour', () => {
    const minute = 60_000;
    const from = Date.UTC(2020, 0, 1) / minute;
    const to = Date.UTC(2036, 0, 1) / minute;
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (minutes) => {
        const instant = new Date(minutes * minute);
        const parts = toLondonParts(instant);
        const back = fromLondonLocal(parts.year, parts.month, parts.day, parts.hour, parts.minute).getTime();
        const earlierSameWallClock = toLondonParts(new Date(instant.getTime() - 3_600_000));
        const isSecondPass = earlierSameWallClock.hour === parts.hour && earlierSameWallClock.day === parts.day;
        expect(back).toBe(isSecondPass ? instant.getTime() - 3_600_000 : instant.getTime());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('date keys', () => {
  it('adds calendar days across months, years, leap days and clock changes', () => {
    expect(addLondonDays('2026-09-20', 42)).toBe('2026-11-01');
    expect(addLondonDays('2026-02-20', 42)).toBe('2026-04-03');
    expect(addLondonDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addLondonDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addLondonDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addLondonDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLondonDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addLondonDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addLondonDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('rejects malformed keys with a plain message', () => {
    for (const bad of ['2026-02-30', '26-01-01', '2026-1-1', '2026-13-01', 'tomorrow', '']) {
      expect(isDateKey(bad)).toBe(false);
      expect(() => parseDateKey(bad)).toThrow(CalendarInputError);
    }
    expect(() => addLondonDays('2026-02-30', 1)).toThrow(/not a date I recognise/);
    expect(() => addLondonDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(isDateKey('2028-02-29')).toBe(true);
  });

  it('gives ISO weekdays', () => {
    expect(weekdayOfDateKey('2026-11-23')).toBe(1);
    expect(weekdayOfDateKey('2026-12-25')).toBe(5);
    expect(weekdayOfDateKey('2026-12-27')).toBe(7);
  });
});
