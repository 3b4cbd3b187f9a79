import { describe, expect, it } from 'vitest';
import { isBankHoliday } from '../../src/calendar/bank-holidays.js';
import { CalendarInputError } from '../../src/calendar/calendar-input-error.js';

describe('isBankHoliday (England & Wales)', () => {
  it.each([
    ['2026-01-01', "New Year's Day"],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May'],
    ['2026-05-25', 'Spring'],
    ['2026-08-31', 'Summer'],
    ['2026-12-25', 'Christmas Day (Friday)'],
    ['2026-12-28', 'Boxing Day substitute (Monday)'],
    ['2027-03-26', 'Good Friday 2027'],
    ['2027-03-29', 'Easter Monday 2027'],
    ['2027-12-27', 'Christmas Day substitute 2027'],
    ['2027-12-28', 'Boxing Day substitute 2027'],
    ['2022-09-19', 'State funeral'],
    ['2023-05-08', 'Coronation'],
  ])('%s is a bank holiday (%s)', (dateKey) => {
    expect(isBankHoliday(dateKey)).toBe(true);
  });

  it.each([
    ['2026-12-24', 'Christmas Eve'],
    ['2026-12-29', 'ordinary Tuesday'],
    ['2026-01-02', 'Scotland only'],
    ['2026-08-03', 'Scottish summer holiday'],
    ['2026-11-30', "St Andrew's Day"],
    ['2026-03-17', "St Patrick's Day (Northern Ireland)"],
    ['2026-07-13', 'Battle of the Boyne observed (Northern Ireland)'],
    ['2026-03-15', "Mother's Day (observance)"],
    ['2026-04-05', 'Easter Sunday (observance)'],
  ])('%s is not a bank holiday (%s)', (dateKey) => {
    expect(isBankHoliday(dateKey)).toBe(false);
  });

  it('rejects a malformed date', () => {
    expect(() => isBankHoliday('2026-12-32')).toThrow(CalendarInputError);
  });
});
