import { CalendarInputError } from './calendar-input-error.js';
import {
  addLondonDays,
  fromLondonLocal,
  isDateKey,
  londonDateKey,
  parseDateKey,
  toLondonParts,
} from './london-time.js';
import { addWorkingDays } from './working-days.js';
import { nextWorkingSlot, type WorkingHours, workingStartOn } from './working-hours.js';

/** How far ahead a snooze to a chosen date may reach. */
const MAX_SNOOZE_DAYS = 365;

export type SnoozeOption = { kind: 'week' } | { kind: 'date'; dateKey: string };

/**
 * When a recurring task is next due: the London calendar date of `from` plus `cadenceDays`, at the start of working
 * hours, moved to the next working slot if that date is a weekend or bank holiday. The time of day of `from` is
 * deliberately dropped, so every due date lands at the working-hours start (09:30 by default, GMT or BST as in force
 * on that date) whatever time the previous one was completed.
 */
export function computeNextDue(from: Date, cadenceDays: number, hours: WorkingHours): Date {
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1) {
    throw new CalendarInputError(
      `How often it repeats must be a whole number of days, 1 or more (not ${cadenceDays}).`,
    );
  }
  return nextWorkingSlot(workingStartOn(addLondonDays(londonDateKey(from), cadenceDays), hours), hours);
}

/**
 * When to follow up on something sent at `sentAt`: `workingDaysLater` working days after its London date (weekends
 * and bank holidays are not counted), at the start of working hours.
 */
export function followUpDue(sentAt: Date, workingDaysLater: number, hours: WorkingHours): Date {
  if (!Number.isInteger(workingDaysLater) || workingDaysLater < 1) {
    throw new CalendarInputError(`A follow-up must be a whole number of working days later, 1 or more.`);
  }
  return nextWorkingSlot(workingStartOn(addWorkingDays(londonDateKey(sentAt), workingDaysLater), hours), hours);
}

/**
 * When a snoozed item comes back.
 * - `week`: the same London wall-clock time (hour and minute) seven calendar days later, then the next working slot,
 *   so a snooze at 14:20 on a Tuesday returns at 14:20 the next Tuesday, or the next working morning if that Tuesday is
 *   a bank holiday, or 09:30 on the Wednesday if it was snoozed at 17:00.
 * - `date`: the start of working hours on that date, or the next working slot after it. Today is allowed (the result
 *   is then never before `now`); a date in the past, a malformed date, or one more than 365 days ahead throws
 *   CalendarInputError with a message that can be shown to the user.
 */
export function snoozeUntil(now: Date, option: SnoozeOption, hours: WorkingHours): Date {
  const today = londonDateKey(now);
  if (option.kind === 'week') {
    const { hour, minute } = toLondonParts(now);
    const { year, month, day } = parseDateKey(addLondonDays(today, 7));
    return nextWorkingSlot(fromLondonLocal(year, month, day, hour, minute), hours);
  }
  const { dateKey } = option;
  if (!isDateKey(dateKey)) {
    throw new CalendarInputError(`"${dateKey}" is not a date I recognise. Please pick a date from the calendar.`);
  }
  if (dateKey < today) throw new CalendarInputError('That date has already passed. Please pick today or a later date.');
  if (dateKey > addLondonDays(today, MAX_SNOOZE_DAYS)) {
    throw new CalendarInputError('That date is more than a year away. Please pick a date within the next 12 months.');
  }
  const start = workingStartOn(dateKey, hours);
  return nextWorkingSlot(start.getTime() > now.getTime() ? start : now, hours);
}
