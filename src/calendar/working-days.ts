import { isBankHoliday } from './bank-holidays.js';
import { addLondonDays, parseDateKey, weekdayOfDateKey } from './london-time.js';

/** Longest run of non-working days we accept before assuming something is wrong (Christmas is at most 4 or 5). */
const MAX_NON_WORKING_RUN = 31;

/** Monday to Friday and not an England & Wales bank holiday. */
export function isWorkingDay(dateKey: string): boolean {
  return weekdayOfDateKey(dateKey) <= 5 && !isBankHoliday(dateKey);
}

/** The first working day on or after `dateKey` (the same day if it is a working day). */
export function nextWorkingDay(dateKey: string): string {
  let day = dateKey;
  for (let skipped = 0; skipped <= MAX_NON_WORKING_RUN; skipped++) {
    if (isWorkingDay(day)) return day;
    day = addLondonDays(day, 1);
  }
  throw new Error(`nextWorkingDay: no working day within ${MAX_NON_WORKING_RUN} days of ${dateKey}`);
}

/**
 * Moves `n` working days from `dateKey` (backwards when n is negative); the start day itself is not counted, so from
 * a Friday (or a Saturday) +1 is the following Monday. n = 0 returns `dateKey` unchanged, working day or not.
 */
export function addWorkingDays(dateKey: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: ${n} is not a whole number of days`);
  parseDateKey(dateKey); // throws for a malformed key, even when n is 0
  const step = n < 0 ? -1 : 1;
  let day = dateKey;
  for (let remaining = Math.abs(n); remaining > 0; remaining--) {
    let skipped = 0;
    do {
      day = addLondonDays(day, step);
      if (++skipped > MAX_NON_WORKING_RUN) throw new Error(`addWorkingDays: no working day near ${day}`);
    } while (!isWorkingDay(day));
  }
  return day;
}
