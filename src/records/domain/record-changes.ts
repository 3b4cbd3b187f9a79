import type { FormValue, FormValues } from '../../forms/form-field.js';
import { type Approval, monthOf, type RecordDoc } from './record-doc.js';
import { TOLD_KEYS } from './record-kinds.js';
import type { SaveRef } from './save-ref.js';

type Person = { readonly id: string; readonly name: string };

/** What a record form says: its kind, date and directorate, and the other answers given. */
export type RecordBase = Pick<RecordDoc, 'kind' | 'date' | 'directorate' | 'values'>;

/** The record a valid form describes (its date and directorate live on the record itself). */
export function recordBase(kind: RecordDoc['kind'], values: FormValues): RecordBase {
  const { date, directorate, ...rest } = values;
  const answers: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) answers[key] = value;
  return { kind, date: String(date), directorate: String(directorate), values: answers };
}

/** A new record; a "You said, we did" item waits for the PPI team's sign-off. */
export function newRecord(ref: SaveRef, base: RecordBase, author: Person, at: Date): RecordDoc {
  return {
    ...base,
    id: ref.id,
    ...(ref.category ? { category: ref.category } : {}),
    author,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    revision: 1,
    ...(ref.kind === 'yswd' ? { approval: { status: 'pending' as const } } : {}),
  };
}

const same = (a: FormValue | undefined, b: FormValue | undefined) =>
  JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/** Only whether participants were told (how, when) differs: nothing that was signed off changed. */
export function onlyToldChanged(current: RecordDoc, base: RecordBase): boolean {
  if (current.date !== base.date || current.directorate !== base.directorate) return false;
  const keys = new Set([...Object.keys(current.values), ...Object.keys(base.values)]);
  return [...keys].every(
    (k) => (TOLD_KEYS as readonly string[]).includes(k) || same(current.values[k], base.values[k]),
  );
}

function sameValues(a: RecordDoc['values'], b: RecordDoc['values']): boolean {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => same(a[k], b[k]));
}

/**
 * This edit was already applied (a double click on Save): the record is one revision on from the form's and holds
 * exactly what the form says. It gets the same "Changes saved", not "changed by someone else".
 */
export function isRepeatedEdit(current: RecordDoc, openedAt: number | undefined, base: RecordBase): boolean {
  return (
    openedAt !== undefined &&
    current.revision === openedAt + 1 &&
    current.date === base.date &&
    current.directorate === base.directorate &&
    sameValues(current.values, base.values)
  );
}

/**
 * The edit applied to the record as stored, or undefined when the form was opened at another revision (someone
 * changed it since). A changed "You said, we did" item goes back for sign-off, unless only "told participants" changed.
 */
export function editedRecord(current: RecordDoc, openedAt: number | undefined, base: RecordBase, at: Date) {
  if (current.revision !== openedAt) return undefined;
  const resign = current.kind === 'yswd' && !onlyToldChanged(current, base);
  const { movedFrom: _was, ...rest } = current;
  return {
    ...rest,
    ...base,
    updatedAt: at.toISOString(),
    revision: current.revision + 1,
    ...(resign ? { approval: { status: 'pending' as const } } : {}),
  } satisfies RecordDoc;
}

/** Participants were told (how, when): recorded on the item as it is, sign-off kept. */
export function toldParticipants(current: RecordDoc, told: { readonly how: string; readonly on: string }, at: Date) {
  if (current.values.participantsTold === true) return undefined;
  return {
    ...current,
    values: { ...current.values, participantsTold: true, toldHow: told.how, toldOn: told.on },
    updatedAt: at.toISOString(),
    revision: current.revision + 1,
  } satisfies RecordDoc;
}

/** Approved or sent back, if the item is still the revision decided on and still pending; else undefined. */
export function signedOff(
  current: RecordDoc,
  openedAt: number | undefined,
  decision: { readonly approve: boolean; readonly by: Person; readonly comment?: string },
  at: Date,
): RecordDoc | undefined {
  if (current.revision !== openedAt || current.approval?.status !== 'pending') return undefined;
  const approval: Approval = {
    status: decision.approve ? 'approved' : 'sent-back',
    by: decision.by,
    at: at.toISOString(),
    ...(decision.comment ? { comment: decision.comment } : {}),
  };
  return { ...current, revision: current.revision + 1, updatedAt: at.toISOString(), approval };
}

/** Why a sign-off button no longer applies to the item as stored: changed since, or already decided by someone. */
export function signOffRefusal(current: RecordDoc, openedAt: number | undefined): 'changed' | 'decided' | undefined {
  if (current.revision !== openedAt) return 'changed';
  return current.approval?.status === 'pending' ? undefined : 'decided';
}

/** The person's records among `docs`, newest first (by date, then last change). */
export function ownRecords(docs: readonly RecordDoc[], authorId: string): RecordDoc[] {
  return docs
    .filter((d) => d.author.id === authorId)
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt));
}

/** Where a record is stored now. */
export function keyOf(doc: Pick<RecordDoc, 'kind' | 'date' | 'id'>) {
  return { kind: doc.kind, month: monthOf(doc.date), id: doc.id };
}
