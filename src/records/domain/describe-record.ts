import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import type { RecordDoc } from './record-doc.js';
import { OTHER } from './record-kinds.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

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

/** One line naming a record, for lists and buttons. */
export function describeRecord(doc: RecordDoc): string {
  const v = doc.values;
  switch (doc.kind) {
    case 'engagement': {
      const category = findChoice(referenceData.engagementCategories, doc.category ?? '')?.label ?? 'Engagement';
      const from = doc.origin ? ' from a champion check-in' : '';
      return `${category}: ${shorten(engagementActivity(doc), 60)}, ${v.people ?? 0} people (${doc.date})${from}`;
    }
    case 'feedback':
      return `Feedback: ${shorten(text(v.activityName), 60)}, ${v.responses ?? 0} forms (${doc.date})`;
    case 'yswd':
      return `You said: “${shorten(text(v.youSaid), 60)}” (${doc.date})`;
  }
}
