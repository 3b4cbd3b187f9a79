import type { FormValue, FormValues } from '../../forms/form-field.js';
import { withAverages } from './feedback-scores.js';
import { type Approval, monthOf, type RecordDoc } from './record-doc.js';
import { TOLD_KEYS } from './record-kinds.js';
import type { SaveRef } from './save-ref.js';

type Person = { readonly id: string; readonly name: string };

/** What a record form says: its kind, date, directorate (and a check-in record's category), and the other answers. */
export type RecordBase = Pick<RecordDoc, 'kind' | 'date' | 'directorate' | 'values'> & { readonly category?: string };

/**
 * The record a valid form describes: its date and directorate live on the record itself, as does the category a
 * check-in record's form asks; feedback results get their scale questions' averages from the scores entered.
 */
export function recordBase(kind: RecordDoc['kind'], values: FormValues): RecordBase {
  const { date, directorate, category, ...rest } = values;
  const answers: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) answers[key] = value;
  return {
    kind,
    date: String(date),
    directorate: String(directorate),
    ...(typeof category === 'string' ? { category } : {}),
    values: kind === 'feedback' ? withAverages(answers) : answers,
  };
}

/** A new record; a "You said, we did" item waits for the PPI team's sign-off. */
export function newRecord(ref: SaveRef, base: RecordBase, author: Person, at: Date): RecordDoc {
  const category = base.category ?? ref.category;
  return {
    ...base,
    id: ref.id,
    ...(category ? { category } : {}),
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
 * exactly what the form says (with the answers `kept` from an earlier form, as `editedRecord` keeps them). It gets the
 * same "Changes saved", not "changed by someone else".
 */
export function isRepeatedEdit(
  current: RecordDoc,
  openedAt: number | undefined,
  base: RecordBase,
  kept: Readonly<Record<string, FormValue>> = {},
): boolean {
  return (
    openedAt !== undefined &&
    current.revision === openedAt + 1 &&
    current.date === base.date &&
    current.directorate === base.directorate &&
    (base.category === undefined || current.category === base.category) &&
    sameValues(current.values, { ...kept, ...base.values })
  );
}

/**
 * The edit applied to the record as stored, or undefined when the form was opened at another revision (someone
 * changed it since). Answers today's form has no question for (`kept`, from an earlier form) stay. A changed "You
 * said, we did" item goes back for sign-off, unless only "told participants" changed.
 */
export function editedRecord(
  current: RecordDoc,
  openedAt: number | undefined,
  base: RecordBase,
  at: Date,
  kept: Readonly<Record<string, FormValue>> = {},
) {
  if (current.revision !== openedAt) return undefined;
  const edited = { ...base, values: { ...kept, ...base.values } };
  const resign = current.kind === 'yswd' && !onlyToldChanged(current, edited);
  const { movedFrom: _was, ...rest } = current;
  return {
    ...rest,
    ...edited,
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
