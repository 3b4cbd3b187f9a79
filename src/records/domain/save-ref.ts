import { cleanInput } from '../../forms/read-form-field.js';
import { findChoice, referenceData } from '../../reference-data/reference-data.js';
import type { RecordKind } from './record-doc.js';

/** Identifies what a Save button saves: a new record (id chosen when the form was shown) or an edit. */
export interface SaveRef {
  readonly kind: RecordKind;
  readonly id: string;
  readonly category?: string;
  /** An engagement record a champion's check-in made: its form is the check-in's. */
  readonly source?: 'check-in';
  /** Edits: where the record is, and the revision the form was opened at. */
  readonly month?: string;
  readonly revision?: number;
}

/** What a record card's button sends: which record, and the form's inputs. */
export interface SaveSubmission {
  readonly ref: SaveRef;
  readonly inputs: Readonly<Record<string, unknown>>;
}

const KINDS: readonly RecordKind[] = ['engagement', 'feedback', 'yswd'];
const ID = /^[A-Za-z0-9-]{8,64}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** The button's reference, checked: an unknown kind or a malformed id is an out-of-date or forged card. */
export function readSaveRef(data: Readonly<Record<string, unknown>>): SaveRef | undefined {
  const kind = KINDS.find((k) => k === data.kind);
  const id = cleanInput(data.id);
  if (!kind || !ID.test(id)) return undefined;
  const category = cleanInput(data.category);
  if (kind === 'engagement' && !findChoice(referenceData.engagementCategories, category)) return undefined;
  const month = cleanInput(data.month);
  const revision = typeof data.revision === 'number' ? data.revision : undefined;
  if (month && (!MONTH.test(month) || revision === undefined)) return undefined;
  return {
    kind,
    id,
    ...(kind === 'engagement' ? { category } : {}),
    ...(kind === 'engagement' && data.source === 'check-in' ? { source: 'check-in' as const } : {}),
    ...(month && revision !== undefined ? { month, revision } : {}),
  };
}

export function readSaveSubmission(data: Readonly<Record<string, unknown>>): SaveSubmission | undefined {
  const ref = readSaveRef(data);
  return ref ? { ref, inputs: data } : undefined;
}
