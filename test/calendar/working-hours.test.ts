import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../src/calendar/calendar-input-error.js';
import { addLondonDays, londonDateKey, toLondonParts } from '../../src/calendar/london-time.js';
import { isWorkingDay, nextWorkingDay } from '../../src/calendar/working-days.js';
import {
  DEFAULT_WORKING_HOURS,
  nextWorkingSlot,
  parseWorkingHours,
  workingStartOn,
} from '../../src/calendar/working-hours.js';

const slot = (iso: string) => nextWorkingSlot(new Date(iso), DEFAULT_WORKING_HOURS).toISOString();

describe('parseWorkingHours', () => {
  it.each([
    ['09:30-16:00', '09:30', '16:00'],
    [' 9:30 – 16:00 ', '09:30', '16:00'],
    ['9.30 to 16.00', '09:30', '16:00'],
    ['9:30am to 4pm', '09:30', '16:00'],
    ['9AM-5PM', '09:00', '17:00'],
    ['12pm - 12:30pm', '12:00', '12:30'],
    ['12am-1am', '00:00', '01:00'],
    ['8-17', '08:00', '17:00'],
    ['08:00 until 18:15', '08:00', '18:15'],
  ])('reads %j', (text, start, end) => {
    expect(parseWorkingHours(text)).toEqual({ start, end });
  });

  it.each([
    ['whenever', /couldn't read "whenever" as working hours/],
    ['09:30', /couldn't read/],
    ['16:00-09:30', /must end after they start/],
    ['10:00-10:00', /must end after they start/],
    ['9-4', /must end after they start/],
    ['25:00-26:00', /time that doesn't exist/],
    ['09:60-16:00', /time that doesn't exist/],
    ['13pm-2pm', /time that doesn't exist/],
  ])('rejects %j with a plain message', (text, message) => {
    expect(() => parseWorkingHours(text)).toThrow(CalendarInputError);
    expect(() => parseWorkingHours(text)).toThrow(message);
  });

  it('defaults to 09:30-16:00', () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({ start: '09:30', end: '16:00' });
  });
});

describe('nextWorkingSlot (default 09:30-16:00)', () => {
  it('treats 09:30 as inside and 16:00 as outside', () => {
    expect(slot('2026-11-23T09:30:00Z')).toBe('2026-11-23T09:30:00.000Z');
    expect(slot('2026-11-23T15:59:59Z')).toBe('2026-11-23T15:59:59.000Z');
    expect(slot('2026-11-23T16:00:00Z')).toBe('2026-11-24T09:30:00.000Z');
  });

  it('moves an early instant to that morning, in GMT and BST', () => {
    expect(slot('2026-11-23T09:29:59Z')).toBe('2026-11-23T09:30:00.000Z');
    expect(slot('2026-11-23T00:00:00Z')).toBe('2026-11-23T09:30:00.000Z');
    expect(slot('2026-07-01T07:00:00Z')).toBe('2026-07-01T08:30:00.000Z');
    expect(slot('2026-07-01T08:30:00Z')).toBe('2026-07-01T08:30:00.000Z');
    expect(slot('2026-07-01T15:00:00Z')).toBe('2026-07-02T08:30:00.000Z');
  });

  it('skips weekends and bank holidays', () => {
    expect(slot('2026-11-20T17:00:00Z')).toBe('2026-11-23T09:30:00.000Z');
    expect(slot('2026-11-21T11:00:00Z')).toBe('2026-11-23T09:30:00.000Z');
    expect(slot('2026-12-24T16:00:00Z')).toBe('2026-12-29T09:30:00.000Z');
    expect(slot('2027-03-26T10:00:00Z')).toBe('2027-03-30T08:30:00.000Z');
  });

  it('uses the London date late in a BST evening', () => {
    // 23:30Z on Friday 3 July is 00:30 BST on Saturday 4 July.
    expect(slot('2026-07-03T23:30:00Z')).toBe('2026-07-06T08:30:00.000Z');
  });

  it('crosses the clock changes over a weekend', () => {
    expect(slot('2026-03-27T16:30:00Z')).toBe('2026-03-30T08:30:00.000Z');
    expect(slot('2026-10-23T15:30:00Z')).toBe('2026-10-26T09:30:00.000Z');
  });

  it('honours custom hours', () => {
    const hours = parseWorkingHours('08:00-18:00');
    expect(nextWorkingSlot(new Date('2026-11-23T17:59:00Z'), hours).toISOString()).toBe('2026-11-23T17:59:00.000Z');
    expect(nextWorkingSlot(new Date('2026-11-23T07:00:00Z'), hours).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('rejects malformed stored hours', () => {
    expect(() => nextWorkingSlot(new Date('2026-11-23T10:00:00Z'), { start: '9:30', end: '16:00' })).toThrow(
      CalendarInputError,
    );
    expect(() => nextWorkingSlot(new Date('2026-11-23T10:00:00Z'), { start: '16:00', end: '09:30' })).toThrow(
      CalendarInputError,
    );
  });

  it('always returns the earliest instant >= the input on a working day within hours', () => {
    const hours = DEFAULT_WORKING_HOURS;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2029, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        const result = nextWorkingSlot(instant, hours);
        const { hour, minute } = toLondonParts(result);
        const minutes = hour * 60 + minute;
        expect(result.getTime()).toBeGreaterThanOrEqual(ms);
        expect(isWorkingDay(londonDateKey(result))).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(9 * 60 + 30);
        expect(minutes).toBeLessThan(16 * 60);
        if (result.getTime() !== ms) {
          // The input was outside every window; the result is the start of the first window after it.
          const input = toLondonParts(instant);
          const inputMinutes = input.hour * 60 + input.minute;
          const today = londonDateKey(instant);
          expect(isWorkingDay(today) && inputMinutes >= 570 && inputMinutes < 960).toBe(false);
          expect(result.getTime()).toBe(workingStartOn(londonDateKey(result), hours).getTime());
          const firstDay = isWorkingDay(today) && inputMinutes < 570 ? today : nextWorkingDay(addLondonDays(today, 1));
          expect(londonDateKey(result)).toBe(firstDay);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
