import { formatUkDate } from '../../calendar/format-uk-date.js';

/** "Tuesday 29 December 2026" for a London date key (or an instant). */
export function ukDay(dateOrInstant: string): string {
  const instant = dateOrInstant.length === 10 ? `${dateOrInstant}T12:00:00Z` : dateOrInstant;
  return Number.isNaN(Date.parse(instant)) ? dateOrInstant : formatUkDate(new Date(instant));
}
