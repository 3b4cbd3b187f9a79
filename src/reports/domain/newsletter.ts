import { CalendarInputError } from '../../calendar/calendar-input-error.js';
import { formatDateKey, londonDateKey, parseDateKey } from '../../calendar/london-time.js';
import { MONTH_NAMES, type Period, periodContaining, previousPeriod } from '../../calendar/period.js';
import { parseReportQuarter, type QuarterNumbering, quarterFromKey } from '../../calendar/report-quarter.js';
import { isApproved } from '../../records/domain/record-doc.js';
import type { PeriodInputs } from '../store/period-inputs.js';
import { labelsOf } from './labels.js';

/** What the newsletter covers: a month or a report quarter, with a stable key for its download link. */
export interface NewsletterPeriod {
  readonly period: Period;
  /** `month:2026-11` or `quarter:2026-Q4`. */
  readonly key: string;
  readonly name: string;
}

const MONTH = new RegExp(`^(${MONTH_NAMES.map((m) => `${m}|${m.slice(0, 3)}`).join('|')})\\.?\\s+(\\d{4})$`, 'i');
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

function month(year: number, m: number): NewsletterPeriod {
  const period = periodContaining('monthly', new Date(`${formatDateKey(year, m, 15)}T12:00:00Z`));
  return { period, key: `month:${period.key}`, name: period.label };
}

/**
 * What follows `newsletter`: nothing (last month), a month (`November 2026`, `Nov 2026`, `2026-11`), or any quarter
 * `report` takes (`Q3 2026/27`…). Throws CalendarInputError with a sentence for anything else.
 */
export function parseNewsletterPeriod(text: string, now: Date, numbering: QuarterNumbering): NewsletterPeriod {
  const written = text.trim();
  if (written === '' || /^last month$/i.test(written)) {
    const last = previousPeriod('monthly', now);
    return { period: last, key: `month:${last.key}`, name: last.label };
  }
  if (/^this month$/i.test(written)) return month(...yearMonth(londonDateKey(now)));
  const named = MONTH.exec(written);
  if (named?.[1] && named[2]) {
    const index = MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === named[1]?.slice(0, 3).toLowerCase());
    return month(Number(named[2]), index + 1);
  }
  const keyed = MONTH_KEY.exec(written);
  if (keyed && Number(keyed[2]) >= 1 && Number(keyed[2]) <= 12) return month(Number(keyed[1]), Number(keyed[2]));
  if (!/q\s*[1-4]|quarter/i.test(written)) {
    throw new CalendarInputError(
      `I couldn't read "${written}" as a month or a quarter. Try newsletter November 2026, newsletter Q3 2026/27, or just newsletter for last month.`,
    );
  }
  const quarter = parseReportQuarter(written, now, numbering);
  return { period: quarter.period, key: `quarter:${quarter.period.key}`, name: `${quarter.name} (${quarter.months})` };
}

const yearMonth = (dateKey: string): [number, number] => {
  const { year, month: m } = parseDateKey(dateKey);
  return [year, m];
};

/** The period a download link names, or undefined. */
export function newsletterPeriodFromKey(key: string, numbering: QuarterNumbering): NewsletterPeriod | undefined {
  const [kind, value = ''] = key.split(':');
  const keyed = MONTH_KEY.exec(value);
  if (kind === 'month' && keyed) return month(Number(keyed[1]), Number(keyed[2]));
  const quarter = kind === 'quarter' ? quarterFromKey(value, numbering) : undefined;
  return quarter ? { period: quarter.period, key, name: `${quarter.name} (${quarter.months})` } : undefined;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function monthOfDate(dateKey: string): string {
  const { year, month: m } = parseDateKey(dateKey);
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

/**
 * The period's signed-off "You said, we did" items as plain text for a patient newsletter or web page (seed 000 §7.2:
 * "where their input has made a difference"): no names, no references, "We said, we did" first, then newest first.
 */
export function newsletterText(inputs: PeriodInputs, name: string): { readonly text: string; readonly items: number } {
  const labels = labelsOf(inputs.lists);
  const items = inputs.yswd
    .filter(isApproved)
    .sort((a, b) => Number(b.values.joint === true) - Number(a.values.joint === true) || b.date.localeCompare(a.date));
  const heading = `You said, we did: ${name}`;
  if (items.length === 0)
    return { text: `${heading}\n\nNo “You said, we did” items were signed off for this period.\n`, items: 0 };
  const blocks = items.map((d) => {
    const v = d.values;
    const outcome =
      v.outcome === 'we-did' ? `We did: ${text(v.weDid)}` : `We could not change this, because: ${text(v.whyNot)}`;
    return [
      `You said: ${text(v.youSaid)}`,
      outcome,
      ...(v.joint === true ? ['We said, we did: we decided this together with patients.'] : []),
      `(${labels.directorate(d.directorate)}, ${monthOfDate(d.date)})`,
    ].join('\n');
  });
  const intro =
    'Thank you to everyone who told us what they think. Here is what happened because of it, and where we could not make a change, why.';
  return { text: [heading, intro, ...blocks].join('\n\n').concat('\n'), items: items.length };
}
