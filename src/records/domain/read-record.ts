import type { FormField, FormValue } from '../../forms/form-field.js';
import {
  type EngagementCategory,
  findChoice,
  type ListEntry,
  referenceData,
} from '../../reference-data/reference-data.js';
import { hasScores, SCALE_QUESTIONS } from './feedback-scores.js';
import type { RecordDoc } from './record-doc.js';
import { OTHER } from './record-kinds.js';

/** The activity types the engagement form offered, every category alike, before it asked each category's own. */
const EARLIER_ACTIVITIES: Readonly<Record<string, string>> = {
  'social-media-post': 'Social media post',
  website: 'Website',
  'promotional-event': 'Promotional event',
  'email-survey': 'E-mail or online survey',
  'focus-group': 'Focus group',
  forum: 'Forum',
  'public-event': 'Public event',
  other: 'Other',
};

type Values = Record<string, FormValue>;
const text = (v: FormValue | undefined) => (typeof v === 'string' ? v.trim() : '');

/** An engagement record from before each category had its own activity question (answers `fu0`–`fu2`). */
function isEarlierEngagement(doc: RecordDoc): boolean {
  return doc.kind === 'engagement' && !doc.origin && ['fu0', 'fu1', 'fu2'].some((k) => k in doc.values);
}

function upgradeEngagement(values: Values, category: EngagementCategory): Values {
  const { fu0, fu2, ...rest } = values;
  const out: Values = { ...rest };
  const said = text(fu0);
  if (category.feedbackQuestion && text(fu2) && !text(out.collated)) out.collated = text(fu2);
  else if (fu2 !== undefined) out.fu2 = fu2;
  const activity = text(values.activity);
  if (!category.activityOptions) {
    // The open question is the one the free-text answer gave: it moves there.
    if (!text(out.activityDescription)) out.activityDescription = said || EARLIER_ACTIVITIES[activity] || activity;
    else if (said) out.fu0 = said;
    return out;
  }
  if (activity && !category.activityOptions.some((o) => o.id === activity)) {
    out.activity = OTHER;
    out.activityOther = EARLIER_ACTIVITIES[activity] ?? activity;
  } else if (activity === OTHER && !text(out.activityOther) && said) {
    out.activityOther = said.slice(0, 150);
  }
  if (said && out.activityOther !== said.slice(0, 150)) out.fu0 = said;
  return out;
}

/**
 * A stored record as the bot reads it today (the tolerant reader): an engagement record from the earlier form, which
 * asked every category the same activity types and repeated the seed questions as free text, gets its category's own
 * questions filled from what was answered (an activity the category does not offer becomes "Other: …", the
 * collated feedback moves to its question). Answers with no place on today's form stay with the record.
 */
export function readRecord(raw: unknown): RecordDoc {
  const doc = raw as RecordDoc;
  if (!isEarlierEngagement(doc)) return doc;
  const category = findChoice(referenceData.engagementCategories, doc.category ?? '');
  return category ? { ...doc, values: upgradeEngagement({ ...doc.values }, category) } : doc;
}

/** Values computed from others on save (a scale question's average, once its scores were entered). */
function isDerived(doc: RecordDoc, key: string): boolean {
  return doc.kind === 'feedback' && SCALE_QUESTIONS.some((q) => q === key && hasScores(doc.values, q));
}

/** The stored answers today's form has no question for: kept with the record when it is edited. */
export function keptValues(doc: RecordDoc, fields: readonly FormField[]): Values {
  const onForm = new Set(fields.map((f) => f.key));
  return Object.fromEntries(Object.entries(doc.values).filter(([k]) => !onForm.has(k) && !isDerived(doc, k)));
}

const EARLIER_LABELS: Readonly<Record<string, (doc: RecordDoc) => string | undefined>> = {
  fu0: (doc) => findChoice(referenceData.engagementCategories, doc.category ?? '')?.activityQuestion,
  fu1: (doc) => findChoice(referenceData.engagementCategories, doc.category ?? '')?.peopleQuestion,
  fu2: (doc) => findChoice(referenceData.engagementCategories, doc.category ?? '')?.feedbackQuestion,
  activity: () => 'Type of activity',
  valued: () => 'Average score: how valued did people feel? (1–10)',
  impact: () => 'Average score: how much impact did people think they had? (1–10)',
};

/**
 * The kept answers, named, to show on the record's form ("kept from the earlier version of this form"); `howHeard`
 * names the counts of a common answer that is no longer offered.
 */
export function earlierAnswers(
  doc: RecordDoc,
  fields: readonly FormField[],
  howHeard: readonly ListEntry[],
): { label: string; value: string }[] {
  return Object.entries(keptValues(doc, fields)).flatMap(([key, value]) => {
    const shown = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    if (shown === '') return [];
    if (key === 'activity') return [{ label: 'Type of activity', value: EARLIER_ACTIVITIES[shown] ?? shown }];
    if (key.startsWith('heard-')) {
      const entry = howHeard.find((h) => `heard-${h.id}` === key);
      return entry ? [{ label: `${entry.label} (forms)`, value: shown }] : [];
    }
    const label = EARLIER_LABELS[key]?.(doc);
    return label ? [{ label, value: shown }] : [];
  });
}
