import { CalendarInputError } from './calendar-input-error.js';
import { addLondonDays, formatDateKey, londonDateKey, parseDateKey } from './london-time.js';
import { MONTH_NAMES as MONTHS, type Period } from './period.js';

/**
 * How quarters are numbered. NHS Trust Boards report by financial year (1 April to 31 March): Q1 is April to June and
 * "Q3 2026/27" is October to December 2026. Calendar numbering (Q1 = January to March) stays available by setting.
 * Both numberings cut the year at the same months, so a quarter is the same three months whichever name it has.
 */
export type QuarterNumbering = 'financial' | 'calendar';

/** A reporting quarter: its three months, and its name in the numbering the Trust uses. */
export interface ReportQuarter {
  /** kind 'quarterly'; `key` is the calendar key of the months ('2026-Q4' for October to December 2026). */
  readonly period: Period;
  readonly numbering: QuarterNumbering;
  /** 1–4 in `numbering`. */
  readonly quarter: number;
  /** '2026/27' (financial) or '2026' (calendar). */
  readonly year: string;
  /** 'Q3 2026/27' or 'Q4 2026'. */
  readonly name: string;
  /** 'October to December 2026' */
  readonly months: string;
  /** For file names: 'Q3-2026-27'. */
  readonly fileKey: string;
  /** Said when the words asked for were read another way (e.g. the old '2026-Q3' form in financial numbering). */
  readonly note?: string;
}

/** Every form `report …` takes, for the sentence that answers anything else. */
export const QUARTER_FORMS =
  'report (the last complete quarter), report Q3 (this financial year), report Q3 2026/27 or report 2026/27 Q3 ' +
  '(financial year: Q1 is April to June), or report 2026-Q3 (a calendar quarter: July to September 2026)';

const twoDigits = (n: number) => String(n % 100).padStart(2, '0');

/** The quarter whose first month is `firstMonth` (1, 4, 7 or 10) of calendar year `year`, named in `numbering`. */
export function quarterStarting(year: number, firstMonth: number, numbering: QuarterNumbering): ReportQuarter {
  if (![1, 4, 7, 10].includes(firstMonth)) throw new RangeError(`quarterStarting: ${firstMonth} does not start one`);
  const calendarQuarter = (firstMonth + 2) / 3;
  const startKey = formatDateKey(year, firstMonth, 1);
  const nextStart = firstMonth === 10 ? formatDateKey(year + 1, 1, 1) : formatDateKey(year, firstMonth + 3, 1);
  const months = `${MONTHS[firstMonth - 1]} to ${MONTHS[firstMonth + 1]} ${year}`;
  const financialStart = firstMonth >= 4 ? year : year - 1;
  const quarter = numbering === 'financial' ? ((calendarQuarter + 2) % 4) + 1 : calendarQuarter;
  const yearName = numbering === 'financial' ? `${financialStart}/${twoDigits(financialStart + 1)}` : String(year);
  const name = `Q${quarter} ${yearName}`;
  return {
    period: {
      kind: 'quarterly',
      key: `${year}-Q${calendarQuarter}`,
      startKey,
      endKey: addLondonDays(nextStart, -1),
      label: `${name} (${months})`,
    },
    numbering,
    quarter,
    year: yearName,
    name,
    months,
    fileKey: `Q${quarter}-${yearName.replace('/', '-')}`,
  };
}

/** Quarter `q` (1–4) of the financial year that starts in April of `startYear`. */
export function financialQuarter(startYear: number, q: number, numbering: QuarterNumbering): ReportQuarter {
  const firstMonth = (q % 4) * 3 + 1;
  return quarterStarting(q === 4 ? startYear + 1 : startYear, firstMonth, numbering);
}

/** The quarter holding London date `dateKey`. */
export function quarterOfDate(dateKey: string, numbering: QuarterNumbering): ReportQuarter {
  const { year, month } = parseDateKey(dateKey);
  return quarterStarting(year, month - ((month - 1) % 3), numbering);
}

/** The quarter of a stable key ('2026-Q4', as `ReportQuarter.period.key`), e.g. from a download link. */
export function quarterFromKey(key: string, numbering: QuarterNumbering): ReportQuarter | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!match) return undefined;
  return quarterStarting(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, numbering);
}

/** The last quarter that has ended by `now` (UK date). */
export function lastCompleteQuarter(now: Date, numbering: QuarterNumbering): ReportQuarter {
  return quarterOfDate(addLondonDays(quarterOfDate(londonDateKey(now), numbering).period.startKey, -1), numbering);
}

const Q = String.raw`q\s*([1-4])`;
const FY = String.raw`(?:fy\s*)?(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})`;
const FORMS: readonly { readonly pattern: RegExp; readonly read: (m: RegExpExecArray) => Reading }[] = [
  { pattern: new RegExp(`^${Q}\\s+${FY}$`, 'i'), read: (m) => ({ kind: 'financial', q: m[1], fy: [m[2], m[3]] }) },
  { pattern: new RegExp(`^${FY}\\s+${Q}$`, 'i'), read: (m) => ({ kind: 'financial', q: m[3], fy: [m[1], m[2]] }) },
  { pattern: /^(\d{4})\s*-?\s*q([1-4])$/i, read: (m) => ({ kind: 'calendar-key', year: m[1], q: m[2] }) },
  { pattern: new RegExp(`^${Q}\\s+(\\d{4})$`, 'i'), read: (m) => ({ kind: 'quarter-year', q: m[1], year: m[2] }) },
  { pattern: new RegExp(`^${Q}$`, 'i'), read: (m) => ({ kind: 'this-year', q: m[1] }) },
  { pattern: /^(last|previous)(\s+complete)?\s+quarter$/i, read: () => ({ kind: 'last' }) },
  { pattern: /^(this|current)\s+quarter$/i, read: () => ({ kind: 'this' }) },
];

function readForm(written: string): Reading | undefined {
  for (const form of FORMS) {
    const match = form.pattern.exec(written);
    if (match) return form.read(match);
  }
  return undefined;
}

type Part = string | undefined;
type Reading =
  | { kind: 'financial'; q: Part; fy: [Part, Part] }
  | { kind: 'calendar-key'; year: Part; q: Part }
  | { kind: 'quarter-year'; q: Part; year: Part }
  | { kind: 'this-year'; q: Part }
  | { kind: 'last' }
  | { kind: 'this' };

const refuse = (message: string): never => {
  throw new CalendarInputError(message);
};

function financialYearStart(first: Part, second: Part, written: string): number {
  const start = Number(first);
  const end = Number(second);
  const expected = second?.length === 2 ? (start + 1) % 100 : start + 1;
  if (end !== expected) {
    refuse(
      `"${written}" isn't a financial year: it runs from April one year to March the next, so write it like ${start}/${twoDigits(start + 1)}.`,
    );
  }
  return start;
}

function fromReading(reading: Reading, written: string, now: Date, numbering: QuarterNumbering): ReportQuarter {
  const today = londonDateKey(now);
  switch (reading.kind) {
    case 'last':
      return lastCompleteQuarter(now, numbering);
    case 'this':
      return quarterOfDate(today, numbering);
    case 'financial': {
      const start = financialYearStart(reading.fy[0], reading.fy[1], written);
      return financialQuarter(start, Number(reading.q), numbering);
    }
    case 'this-year': {
      const { year, month } = parseDateKey(today);
      const q = Number(reading.q);
      if (numbering === 'calendar') return quarterStarting(year, (q - 1) * 3 + 1, numbering);
      return financialQuarter(month >= 4 ? year : year - 1, q, numbering);
    }
    case 'quarter-year': {
      const year = Number(reading.year);
      const q = Number(reading.q);
      if (numbering === 'calendar') return quarterStarting(year, (q - 1) * 3 + 1, numbering);
      const later = financialQuarter(year, q, numbering);
      const earlier = financialQuarter(year - 1, q, numbering);
      return refuse(
        `Which financial year do you mean? ${later.name} is ${later.months}; ${earlier.name} is ${earlier.months}. Please write it like report ${later.name}.`,
      );
    }
    case 'calendar-key': {
      const calendar = quarterStarting(Number(reading.year), (Number(reading.q) - 1) * 3 + 1, 'calendar');
      if (numbering === 'calendar') return calendar;
      const named = quarterStarting(Number(reading.year), (Number(reading.q) - 1) * 3 + 1, numbering);
      return {
        ...named,
        note: `${calendar.period.key} is read as the calendar quarter ${calendar.months}, which the NHS financial year calls ${named.name}.`,
      };
    }
  }
}

/**
 * Reads the quarter a person asked for after `report` (Europe/London dates): '' or 'last quarter' (the last complete
 * quarter), 'this quarter', 'Q3' (this financial year, or this calendar year in calendar numbering), 'Q3 2026/27',
 * '2026/27 Q3' (also 2026-27, 2026/2027, FY2026/27), and the older '2026-Q3', which always means calendar quarter 3 of
 * 2026 (July to September), named in `numbering`. 'Q3 2026' is a calendar quarter in calendar numbering and is refused
 * in financial numbering with the two years it could mean. A quarter that has not started by `now` is refused.
 * Anything else throws CalendarInputError with a sentence listing the accepted forms.
 */
export function parseReportQuarter(text: string, now: Date, numbering: QuarterNumbering): ReportQuarter {
  const written = text.replace(/\s+/g, ' ').trim();
  const reading = written === '' ? ({ kind: 'last' } as const) : readForm(written);
  if (!reading) {
    return refuse(`"${written.slice(0, 60)}" isn't a quarter I recognise. Please use one of: ${QUARTER_FORMS}.`);
  }
  const quarter = fromReading(reading, written, now, numbering);
  if (quarter.period.startKey > londonDateKey(now)) {
    refuse(`${quarter.name} (${quarter.months}) hasn't started yet, so there is nothing to report.`);
  }
  return quarter;
}

/** Whether the quarter is still running on `now` (its figures are to date). */
export function isInProgress(quarter: ReportQuarter, now: Date): boolean {
  return londonDateKey(now) <= quarter.period.endKey;
}
