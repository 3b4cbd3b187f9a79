import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import type { RecordDoc } from './record-doc.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** One line naming a record, for lists and buttons. */
export function describeRecord(doc: RecordDoc): string {
  const v = doc.values;
  switch (doc.kind) {
    case 'engagement': {
      const category = findChoice(referenceData.engagementCategories, doc.category ?? '')?.label ?? 'Engagement';
      return `${category}: ${labelOf(referenceData.engagementActivities, text(v.activity))}, ${v.people ?? 0} people (${doc.date})`;
    }
    case 'feedback':
      return `Feedback: ${shorten(text(v.activityName), 60)}, ${v.responses ?? 0} forms (${doc.date})`;
    case 'yswd':
      return `You said: “${shorten(text(v.youSaid), 60)}” (${doc.date})`;
  }
}
