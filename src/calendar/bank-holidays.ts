import Holidays from 'date-holidays';
import { parseDateKey } from './london-time.js';

let holidays: Holidays | undefined;
const byYear = new Map<number, ReadonlySet<string>>();

/**
 * Whether a 'YYYY-MM-DD' date is a bank holiday in England & Wales, including substitute days (e.g. 28 December 2026
 * for Boxing Day) and one-off days such as a coronation. Uses date-holidays offline; each year is computed once.
 */
export function isBankHoliday(dateKey: string): boolean {
  const { year } = parseDateKey(dateKey);
  return holidaysIn(year).has(dateKey);
}

function holidaysIn(year: number): ReadonlySet<string> {
  const cached = byYear.get(year);
  if (cached) return cached;
  holidays ??= new Holidays('GB', 'ENG');
  // `date` is the local (Europe/London) date as 'YYYY-MM-DD hh:mm:ss'; `start` is an instant and would shift in BST.
  const dates = new Set(
    holidays
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  byYear.set(year, dates);
  return dates;
}
