import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextWorkingDay } from '../../src/calendar/working-days.js';

describe('isWorkingDay', () => {
  it('excludes weekends and bank holidays', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-22')).toBe(false);
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
  });
});

describe('nextWorkingDay', () => {
  it('keeps a working day and skips weekends and bank holidays', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-24');
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-29');
    expect(nextWorkingDay('2026-11-21')).toBe('2026-11-23');
    expect(nextWorkingDay('2027-03-26')).toBe('2027-03-30');
    expect(nextWorkingDay('2027-01-01')).toBe('2027-01-04');
    expect(nextWorkingDay('2026-08-29')).toBe('2026-09-01');
  });
});

describe('addWorkingDays', () => {
  it('counts only working days, not the start day', () => {
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    expect(addWorkingDays('2026-12-22', 5)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2027-03-24', 5)).toBe('2027-04-02');
  });

  it('goes backwards for negative n and leaves the date alone for 0', () => {
    expect(addWorkingDays('2026-12-29', -1)).toBe('2026-12-24');
    expect(addWorkingDays('2027-03-30', -2)).toBe('2027-03-24');
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-21');
  });

  it('rejects fractional counts and malformed dates', () => {
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-31', 0)).toThrow(/not a date I recognise/);
  });
});
