import { formatUkDateKey } from '../../calendar/format-uk-date.js';
import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import { plural } from '../../text/plural.js';
import { shorten } from '../../text/shorten.js';
import type { RecordDoc } from './record-doc.js';
import { OTHER } from './record-kinds.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const count = (v: unknown) => (typeof v === 'number' ? v : 0);

/** What an engagement record says was done: its category's option ("Other: …"), or its answer to the open question. */
export function engagementActivity(doc: RecordDoc): string {
  const v = doc.values;
  if (doc.origin) return text(v.project);
  const category = findChoice(referenceData.engagementCategories, doc.category ?? '');
  const activity = text(v.activity);
  if (category?.activityOptions && activity) {
    const other = text(v.activityOther);
    return activity === OTHER && other ? `Other: ${other}` : labelOf(category.activityOptions, activity);
  }
  return text(v.activityDescription) || activity;
}

/** One line naming a record, for lists and notices: what it was, how many, and its date in the UK style. */
export function describeRecord(doc: RecordDoc): string {
  const v = doc.values;
  const date = formatUkDateKey(doc.date);
  switch (doc.kind) {
    case 'engagement': {
      const category = findChoice(referenceData.engagementCategories, doc.category ?? '')?.label ?? 'Engagement';
      const from = doc.origin ? ' from a champion check-in' : '';
      const people = plural(count(v.people), 'person', 'people');
      return `${category}: ${shorten(engagementActivity(doc), 60)}, ${people} (${date})${from}`;
    }
    case 'feedback':
      return `Feedback: ${shorten(text(v.activityName), 60)}, ${plural(count(v.responses), 'form')} (${date})`;
    case 'yswd':
      return `You said: “${shorten(text(v.youSaid), 60)}” (${date})`;
  }
}

/** The record's own name, for its buttons ("Edit “Discharge lounge open day”"): what its author called it. */
export function recordName(doc: RecordDoc): string {
  const v = doc.values;
  const named =
    doc.kind === 'feedback' ? text(v.activityName) : doc.kind === 'yswd' ? text(v.youSaid) : text(v.project);
  if (named !== '') return shorten(named, 40);
  return `${shorten(engagementActivity(doc), 40) || 'Engagement'}, ${formatUkDateKey(doc.date)}`;
}
