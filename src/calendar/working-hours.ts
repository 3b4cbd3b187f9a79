import { CalendarInputError } from './calendar-input-error.js';
import { addLondonDays, formatDateKey, fromLondonLocal, parseDateKey, toLondonParts } from './london-time.js';
import { isWorkingDay, nextWorkingDay } from './working-days.js';

/** A daily window in London local time, 24-hour 'HH:MM'; `start` is inside the window, `end` is not. */
export type WorkingHours = { readonly start: string; readonly end: string };

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:30', end: '16:00' };

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const TIME = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?`;
const RANGE = new RegExp(String.raw`^${TIME}\s*(?:-|–|—|to|until|till)\s*${TIME}$`);
const FORMAT_HINT = 'Please give a start and end time, for example "09:30-16:00" or "9:30am to 4pm".';

/**
 * Reads working hours typed by a person: "09:30-16:00", "9.30 – 16.00", "9:30am to 4pm", "9-17". Times without am/pm
 * are 24-hour. Throws CalendarInputError with a plain-English message for anything else, or if the end is not after
 * the start. The result is normalised to 'HH:MM'.
 */
export function parseWorkingHours(text: string): WorkingHours {
  const match = RANGE.exec(text.trim().toLowerCase());
  if (!match) throw new CalendarInputError(`I couldn't read "${text.trim()}" as working hours. ${FORMAT_HINT}`);
  const start = clockFrom(match[1], match[2], match[3], text);
  const end = clockFrom(match[4], match[5], match[6], text);
  const hours = { start, end };
  checkWorkingHours(hours);
  return hours;
}

/**
 * The earliest instant at or after `instant` that is on a working day (England & Wales) within working hours, in
 * London time. Before the start on a working day gives that day's start; at or after the end (16:00 itself is
 * outside), or on a weekend or bank holiday, gives the next working day's start. An instant inside the window is
 * returned unchanged (same Date value, new object).
 */
export function nextWorkingSlot(instant: Date, hours: WorkingHours): Date {
  const { start, end } = windowMinutes(hours);
  const { year, month, day, hour, minute } = toLondonParts(instant);
  const today = formatDateKey(year, month, day);
  const nowMinutes = hour * 60 + minute;
  if (isWorkingDay(today)) {
    if (nowMinutes >= start && nowMinutes < end) return new Date(instant.getTime());
    // The GMT/BST changes happen on Sundays, so a working day never has a skipped or repeated hour.
    if (nowMinutes < start) return londonTimeOn(today, start);
  }
  return londonTimeOn(nextWorkingDay(addLondonDays(today, 1)), start);
}

/** The instant the working day starts on `dateKey` (London time), whether or not that date is a working day. */
export function workingStartOn(dateKey: string, hours: WorkingHours): Date {
  return londonTimeOn(dateKey, windowMinutes(hours).start);
}

function londonTimeOn(dateKey: string, minutesOfDay: number): Date {
  const { year, month, day } = parseDateKey(dateKey);
  return fromLondonLocal(year, month, day, Math.floor(minutesOfDay / 60), minutesOfDay % 60);
}

function windowMinutes(hours: WorkingHours): { start: number; end: number } {
  checkWorkingHours(hours);
  return { start: clockMinutes(hours.start), end: clockMinutes(hours.end) };
}

function checkWorkingHours(hours: WorkingHours): void {
  if (!CLOCK.test(hours.start) || !CLOCK.test(hours.end)) {
    throw new CalendarInputError(`Working hours "${hours.start}-${hours.end}" aren't valid times. ${FORMAT_HINT}`);
  }
  if (clockMinutes(hours.start) >= clockMinutes(hours.end)) {
    throw new CalendarInputError(
      `Working hours must end after they start, but "${hours.start}-${hours.end}" doesn't. ${FORMAT_HINT}`,
    );
  }
}

function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function clockFrom(
  hourText: string | undefined,
  minuteText: string | undefined,
  meridiem: string | undefined,
  text: string,
): string {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const badTime = () => new CalendarInputError(`"${text.trim()}" has a time that doesn't exist. ${FORMAT_HINT}`);
  if (meridiem) {
    if (hour < 1 || hour > 12) throw badTime();
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) throw badTime();
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
