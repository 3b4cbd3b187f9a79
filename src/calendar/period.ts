import { CalendarInputError } from './calendar-input-error.js';
import { addLondonDays, formatDateKey, londonDateKey, parseDateKey, weekdayOfDateKey } from './london-time.js';

export type PeriodKind = 'weekly' | 'monthly' | 'quarterly' | 'six-monthly';

/**
 * A reporting period in London dates. `key` is stable and sortable within a kind: '2026-W47' (ISO week, Monday to
 * Sunday, in the ISO week-numbering year), '2026-11', '2026-Q4' (calendar quarter), '2026-H2'. `endKey` is inclusive.
 */
export type Period = {
  kind: PeriodKind;
  key: string;
  startKey: string;
  endKey: string;
  label: string;
};

/** Month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The period of `kind` that contains the London date of `instant`. */
export function periodContaining(kind: PeriodKind, instant: Date): Period {
  return periodOfDate(kind, londonDateKey(instant));
}

/** The period of `kind` just before the one containing `instant` (e.g. last week, last quarter). */
export function previousPeriod(kind: PeriodKind, instant: Date): Period {
  return periodOfDate(kind, addLondonDays(periodContaining(kind, instant).startKey, -1));
}

/** Reads a calendar quarter such as '2026-Q3' (also '2026 q3'); throws CalendarInputError for anything else. */
export function parseQuarter(text: string): Period {
  const match = /^(\d{4})\s*-?\s*q([1-4])$/i.exec(text.trim());
  if (!match) {
    throw new CalendarInputError(
      `"${text.trim()}" isn't a quarter I recognise. Please use the year and quarter, for example 2026-Q3 (Q1 to Q4).`,
    );
  }
  const year = Number(match[1]);
  return monthSpan('quarterly', year, (Number(match[2]) - 1) * 3 + 1, 3);
}

function periodOfDate(kind: PeriodKind, dateKey: string): Period {
  const { year, month } = parseDateKey(dateKey);
  switch (kind) {
    case 'weekly':
      return isoWeek(dateKey);
    case 'monthly':
      return monthSpan(kind, year, month, 1);
    case 'quarterly':
      return monthSpan(kind, year, month - ((month - 1) % 3), 3);
    case 'six-monthly':
      return monthSpan(kind, year, month <= 6 ? 1 : 7, 6);
  }
}

function isoWeek(dateKey: string): Period {
  const startKey = addLondonDays(dateKey, 1 - weekdayOfDateKey(dateKey));
  const thursday = parseDateKey(addLondonDays(startKey, 3));
  const dayOfYear = daysBetween(
    formatDateKey(thursday.year, 1, 1),
    formatDateKey(thursday.year, thursday.month, thursday.day),
  );
  const week = Math.floor(dayOfYear / 7) + 1;
  const start = parseDateKey(startKey);
  return {
    kind: 'weekly',
    key: `${thursday.year}-W${String(week).padStart(2, '0')}`,
    startKey,
    endKey: addLondonDays(startKey, 6),
    label: `Week commencing Monday ${start.day} ${MONTH_NAMES[start.month - 1]} ${start.year}`,
  };
}

function monthSpan(kind: Exclude<PeriodKind, 'weekly'>, year: number, firstMonth: number, months: number): Period {
  const lastMonth = firstMonth + months - 1;
  const nextStartKey = lastMonth === 12 ? formatDateKey(year + 1, 1, 1) : formatDateKey(year, lastMonth + 1, 1);
  const span = { kind, startKey: formatDateKey(year, firstMonth, 1), endKey: addLondonDays(nextStartKey, -1) };
  const range = `${MONTH_NAMES[firstMonth - 1]} to ${MONTH_NAMES[lastMonth - 1]}`;
  switch (kind) {
    case 'monthly':
      return {
        ...span,
        key: `${year}-${String(firstMonth).padStart(2, '0')}`,
        label: `${MONTH_NAMES[firstMonth - 1]} ${year}`,
      };
    case 'quarterly': {
      const quarter = (firstMonth + 2) / 3;
      return { ...span, key: `${year}-Q${quarter}`, label: `Q${quarter} ${year} (${range})` };
    }
    case 'six-monthly': {
      const half = firstMonth === 1 ? 1 : 2;
      return { ...span, key: `${year}-H${half}`, label: `H${half} ${year} (${range})` };
    }
  }
}

function daysBetween(fromKey: string, toKey: string): number {
  const from = parseDateKey(fromKey);
  const to = parseDateKey(toKey);
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
  );
}
