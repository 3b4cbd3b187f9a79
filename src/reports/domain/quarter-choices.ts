import { addLondonDays } from '../../calendar/london-time.js';
import { type QuarterNumbering, quarterOfDate, type ReportQuarter } from '../../calendar/report-quarter.js';
import type { FormSpec } from '../../forms/form-field.js';
import type { Choice } from '../../reference-data/reference-data.js';

/** How many quarters the report card's picker offers: this one so far, and the seven before (two years). */
const OFFERED = 8;

/** The quarters to choose from, newest first: this one (to date) and those before it, by their stable keys. */
export function quarterChoices(today: string, numbering: QuarterNumbering): Choice[] {
  const quarters: ReportQuarter[] = [];
  let day = today;
  for (let i = 0; i < OFFERED; i++) {
    const quarter = quarterOfDate(day, numbering);
    quarters.push(quarter);
    day = addLondonDays(quarter.period.startKey, -1);
  }
  return quarters.map((q, i) => ({ id: q.period.key, label: `${q.name}: ${q.months}${i === 0 ? ' (so far)' : ''}` }));
}

/** The report card's "Another quarter" question. */
export function quarterForm(choices: readonly Choice[]): FormSpec {
  return { fields: [{ key: 'quarter', label: 'Which quarter?', kind: 'choice', required: true, choices }] };
}
