import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { FormError, FormValues } from '../../forms/form-field.js';
import type { Choice } from '../../reference-data/reference-data.js';
import type { RecordDoc, RecordKind } from '../domain/record-doc.js';
import { KIND_NAMES, recordFields } from '../domain/record-kinds.js';
import { RecordVerb } from '../records-verbs.js';

/** Identifies what a Save button saves: a new record (id chosen when the form was shown) or an edit. */
export interface SaveRef {
  readonly kind: RecordKind;
  readonly id: string;
  readonly category?: string;
  /** Edits: where the record is, and the revision the form was opened at. */
  readonly month?: string;
  readonly revision?: number;
}

const INTROS: Readonly<Record<RecordKind, string>> = {
  engagement: 'Seed 004 Appendix 3. Record totals and collated answers only: no names or personal details.',
  feedback: 'Seed 004 Appendix 4: the collated answers from the activity’s feedback forms.',
  yswd: 'What patients told us and what happened. A PPI team member signs it off before it appears in digests.',
};

export function recordFormCard(
  ref: SaveRef,
  directorates: readonly Choice[],
  options: {
    values?: FormValues;
    typed?: Record<string, string>;
    errors?: readonly FormError[];
    notice?: string;
  } = {},
): AdaptiveCard {
  const editing = ref.month !== undefined;
  return buildFormCard({
    kicker: editing ? `Editing · ${KIND_NAMES[ref.kind]}` : KIND_NAMES[ref.kind],
    title: editing ? 'Change this record' : `New ${KIND_NAMES[ref.kind].toLowerCase()}`,
    intro: INTROS[ref.kind],
    fields: recordFields(ref.kind, directorates, ref.category),
    ...(options.values ? { values: options.values } : {}),
    ...(options.typed ? { typed: options.typed } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.notice ? { notice: options.notice } : {}),
    buttons: [{ title: 'Save', verb: RecordVerb.save, data: { ...ref }, withInputs: true }],
  });
}

/** The form's values from a stored record (date and directorate live on the record itself). */
export function valuesOf(doc: RecordDoc): FormValues {
  return { ...doc.values, date: doc.date, directorate: doc.directorate };
}
