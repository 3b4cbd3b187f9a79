import { CalendarInputError } from './calendar-input-error.js';

/** The wall-clock reading in London (GMT or BST) at one instant. `weekday` is ISO: 1 = Monday … 7 = Sunday. */
export type LondonParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
};

const TIME_ZONE = 'Europe/London';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
});

/** Reads the London wall clock at `instant`, correct across the GMT/BST changes. */
export function toLondonParts(instant: Date): LondonParts {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('toLondonParts: invalid Date');
  const fields: Record<string, string> = {};
  for (const part of formatter.formatToParts(time)) fields[part.type] = part.value;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    weekday: WEEKDAYS[fields.weekday ?? ''] ?? Number.NaN,
  };
}

/**
 * The instant at which the London wall clock shows the given local time. London is GMT+0 or GMT+1, so the answer is
 * one of two candidates. In the hour repeated when BST ends (October) the first (BST) occurrence is returned. A time
 * inside the hour skipped when BST starts (March) does not exist; it is read on the pre-change (GMT) offset, which is
 * the instant after the gap: 01:30 on that Sunday gives 01:30Z, shown as 02:30 BST.
 */
export function fromLondonLocal(year: number, month: number, day: number, hour: number, minute: number): Date {
  if (!isValidCalendarDate(year, month, day)) {
    throw new RangeError(`fromLondonLocal: ${year}-${month}-${day} is not a calendar date`);
  }
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`fromLondonLocal: ${hour}:${minute} is not a time of day`);
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  for (const candidate of [asUtc - HOUR_MS, asUtc]) {
    const parts = toLondonParts(new Date(candidate));
    if (parts.day === day && parts.hour === hour && parts.minute === minute) return new Date(candidate);
  }
  return new Date(asUtc);
}

/** The London calendar date of `instant`, as 'YYYY-MM-DD'. */
export function londonDateKey(instant: Date): string {
  const { year, month, day } = toLondonParts(instant);
  return formatDateKey(year, month, day);
}

/** Calendar arithmetic on a 'YYYY-MM-DD' date (n may be negative). Dates have no time zone, so BST does not matter. */
export function addLondonDays(dateKey: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addLondonDays: ${n} is not a whole number of days`);
  const { year, month, day } = parseDateKey(dateKey);
  const shifted = new Date(utcMidnight(year, month, day) + n * DAY_MS);
  return formatDateKey(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whether `text` is a real calendar date written 'YYYY-MM-DD'. */
export function isDateKey(text: string): boolean {
  const match = DATE_KEY.exec(text);
  return match !== null && isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Splits a 'YYYY-MM-DD' date; throws CalendarInputError for anything else (including 2026-02-30). */
export function parseDateKey(dateKey: string): { year: number; month: number; day: number } {
  const match = DATE_KEY.exec(dateKey);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || !isValidCalendarDate(year, month, day)) {
    throw new CalendarInputError(`"${dateKey}" is not a date I recognise. Please use the form 2026-11-23.`);
  }
  return { year, month, day };
}

/** ISO weekday of a 'YYYY-MM-DD' date: 1 = Monday … 7 = Sunday. */
export function weekdayOfDateKey(dateKey: string): number {
  const { year, month, day } = parseDateKey(dateKey);
  const weekday = new Date(utcMidnight(year, month, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Formats a calendar date as 'YYYY-MM-DD'. */
export function formatDateKey(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999) return false;
  const date = new Date(utcMidnight(year, month, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Milliseconds at UTC midnight of a calendar date (Date.UTC alone would read years 0–99 as 1900–1999). */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}
