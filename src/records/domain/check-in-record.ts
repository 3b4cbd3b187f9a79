import { createHash } from 'node:crypto';
import type { FormField, FormValues } from '../../forms/form-field.js';
import { referenceData, rungChoices } from '../../reference-data/reference-data.js';
import type { RecordDoc } from './record-doc.js';

/** The partnership champion's question about a piece of work, as the toolkit's champion role asks it. */
export const SHAPED_QUESTION = 'How did patients/communities/people shape this piece of work?';
/** The engagement log's first question. */
export const CATEGORY_QUESTION = 'Which category of engagement does the work fall into?';

/** The engagement log's first question: the four categories, each with what it covers where the log says. */
export const CATEGORY_FIELD: FormField = {
  key: 'category',
  label: CATEGORY_QUESTION,
  kind: 'choice',
  expanded: true,
  required: true,
  choices: referenceData.engagementCategories.map((c) => ({
    id: c.id,
    label: c.hint ? `${c.label}: ${c.hint}` : c.label,
  })),
};

/**
 * What a champion says about involvement on a check-in card, and what its author edits later in the record: the
 * work, what patients shaped, the category of engagement, the rung and the number of people.
 */
export const CHECK_IN_FIELDS: readonly FormField[] = [
  { key: 'project', label: 'Which project or piece of work?', kind: 'text', required: true, maxLength: 200 },
  {
    key: 'shaped',
    label: SHAPED_QUESTION,
    kind: 'longtext',
    required: true,
    maxLength: 2000,
    hint: 'No names or personal details.',
  },
  CATEGORY_FIELD,
  {
    key: 'rung',
    label: 'How involved were they, on the ladder of engagement?',
    kind: 'choice',
    expanded: true,
    required: true,
    choices: rungChoices(),
  },
  { key: 'people', label: 'About how many people took part?', kind: 'number', required: true, min: 0, max: 100_000 },
];

/** The check-in a record came from. */
export interface CheckInOrigin {
  readonly kind: 'check-in';
  readonly championId: string;
  /** The check-in's cycle (the instant it fell due). */
  readonly cycle: string;
}

/** One id per champion and check-in: answering twice (a double click, a retry) keeps one record. */
export function checkInRecordId(championId: string, cycle: string): string {
  return `ci-${createHash('sha256').update(`${championId}~${cycle}`).digest('hex').slice(0, 40)}`;
}

const text = (v: FormValues[string]) => (typeof v === 'string' ? v : '');

/**
 * The engagement record a champion's "Log involvement" makes: for the champion's directorate, dated the London day
 * it was given, written by whoever answered (the champion or their deputy), so it is in their `my records`.
 */
export function checkInRecord(
  origin: CheckInOrigin,
  directorate: string,
  values: FormValues,
  by: { readonly id: string; readonly name: string },
  today: string,
  now: Date,
): RecordDoc {
  const at = now.toISOString();
  return {
    id: checkInRecordId(origin.championId, origin.cycle),
    kind: 'engagement',
    date: today,
    directorate,
    category: text(values.category),
    values: {
      project: text(values.project),
      shaped: text(values.shaped),
      rung: text(values.rung),
      people: typeof values.people === 'number' ? values.people : 0,
    },
    origin,
    author: { id: by.id, name: by.name },
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
}
