import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import type { RecordDoc } from './record-doc.js';
import { YSWD_OUTCOMES, YSWD_STATUSES } from './record-kinds.js';

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

/** The facts of a "You said, we did" item, for the sign-off card. */
export function yswdFacts(doc: RecordDoc): string {
  const v = doc.values;
  const outcome = v.outcome === 'we-did' ? `We did: ${text(v.weDid)}` : `Could not change, because: ${text(v.whyNot)}`;
  return [
    `**You said:** ${text(v.youSaid)}`,
    `**${outcome.split(':')[0]}:**${outcome.slice(outcome.indexOf(':') + 1)}`,
    `**Status:** ${labelOf(YSWD_STATUSES, text(v.status))} · **Directorate:** ${labelOf(referenceData.directorates, doc.directorate)}`,
    v.joint === true ? '**We said, we did:** decided jointly with patients' : '',
    `Recorded by ${doc.author.name}; ${labelOf(YSWD_OUTCOMES, text(v.outcome))}.`,
  ]
    .filter((line) => line !== '')
    .join('\n\n');
}
