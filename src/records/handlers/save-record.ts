import { type Answer, answer, type CardData } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { londonDateKey } from '../../calendar/london-time.js';
import type { FormValue } from '../../forms/form-field.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { cleanInput } from '../../forms/read-form-field.js';
import { findChoice, referenceData } from '../../reference-data/reference-data.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { describeRecord } from '../domain/describe-record.js';
import { monthOf, type RecordDoc, type RecordKind } from '../domain/record-doc.js';
import { recordForm } from '../domain/record-kinds.js';
import type { RecordsDeps } from '../records-deps.js';
import { recordFormCard, type SaveRef } from './record-form.js';
import { notice } from './start-record.js';

type Data = CardData;
const KINDS: readonly RecordKind[] = ['engagement', 'feedback', 'yswd'];
const ID = /^[A-Za-z0-9-]{8,64}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** The Save button's reference, checked: an unknown kind or a malformed id is an out-of-date or forged card. */
export function readSaveRef(data: Data): SaveRef | undefined {
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
    ...(month && revision !== undefined ? { month, revision } : {}),
  };
}

/** What a Save sends: which record, and the form's inputs. */
export interface SaveSubmission {
  readonly ref: SaveRef;
  readonly inputs: Data;
}

export function readSaveSubmission(data: Data): SaveSubmission | undefined {
  const ref = readSaveRef(data);
  return ref ? { ref, inputs: data } : undefined;
}

/** The record a Save or Edit acts on: the stored one (an edit), or none yet (a new record, created by the one saving). */
export interface RecordInHand {
  readonly stored?: Versioned<RecordDoc>;
  readonly lead: string;
}

export function loadRecord(deps: Pick<RecordsDeps, 'records'>, missing: (ref: SaveRef) => string) {
  return async (turn: Turn, { ref }: { ref: SaveRef }): Promise<RecordInHand | Answer> => {
    if (ref.month === undefined) return { lead: turn.actor.id };
    const stored = await deps.records.get({ kind: ref.kind, month: ref.month, id: ref.id });
    return stored ? { stored, lead: stored.value.author.id } : answer(missing(ref));
  };
}

const SAVED: Readonly<Record<RecordKind, string>> = {
  engagement: 'Saved to the engagement records.',
  feedback: 'Saved: the feedback results count towards the PPI team’s figures.',
  yswd: 'Saved. The PPI team will sign it off before it appears in digests.',
};

/** Save on a record form: validates everything again, then creates the record or applies the edit. */
export async function saveRecord(
  turn: Turn,
  deps: RecordsDeps,
  { ref, inputs: data }: SaveSubmission,
  record: RecordInHand,
): Promise<AdaptiveCard> {
  const directorates = await deps.directorates.list();
  const form = recordForm(ref.kind, directorates, { category: ref.category, today: londonDateKey(deps.now()) });
  const read = readForm(form, data);
  if (!read.ok) {
    return recordFormCard(ref, directorates, {
      errors: read.errors,
      typed: typedOnForm(form, data),
      notice: read.message,
    });
  }
  const { date, directorate, ...rest } = read.values;
  const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Record<
    string,
    FormValue
  >;
  const base = { kind: ref.kind, date: String(date), directorate: String(directorate), values };
  return record.stored ? edit(deps, ref, base, record.stored) : create(turn, deps, ref, base);
}

type Base = Pick<RecordDoc, 'kind' | 'date' | 'directorate' | 'values'>;

async function create(turn: Turn, deps: RecordsDeps, ref: SaveRef, base: Base): Promise<AdaptiveCard> {
  const at = deps.now().toISOString();
  const doc: RecordDoc = {
    ...base,
    id: ref.id,
    ...(ref.category ? { category: ref.category } : {}),
    author: { id: turn.actor.id, name: turn.actor.name },
    createdAt: at,
    updatedAt: at,
    revision: 1,
    ...(ref.kind === 'yswd' ? { approval: { status: 'pending' as const } } : {}),
  };
  try {
    await deps.records.create(doc);
  } catch (error) {
    if (error instanceof ConcurrencyError) return notice('This was already saved: nothing was added twice.');
    throw error;
  }
  turn.log.info({ kind: ref.kind }, 'record saved');
  return notice(`${SAVED[ref.kind]} ${describeRecord(doc)}.`);
}

async function edit(deps: RecordsDeps, ref: SaveRef, base: Base, current: Versioned<RecordDoc>): Promise<AdaptiveCard> {
  const doc = current.value;
  if (doc.revision !== ref.revision) {
    return notice('This record was changed by someone else since you opened it. Open it again from **My records**.');
  }
  const at = deps.now().toISOString();
  const write = await deps.records.write(
    { kind: ref.kind, month: monthOf(doc.date), id: doc.id },
    existing((c) =>
      c.revision === ref.revision
        ? {
            ...c,
            ...base,
            updatedAt: at,
            revision: c.revision + 1,
            ...(c.kind === 'yswd' ? { approval: { status: 'pending' as const } } : {}),
          }
        : undefined,
    ),
    { from: current },
  );
  if (write.status !== 'applied') {
    return notice('This record was changed by someone else at the same moment. Open it again from **My records**.');
  }
  const next = write.saved.value;
  const resign = doc.kind === 'yswd' ? ' It goes back to the PPI team for sign-off.' : '';
  return notice(`Changes saved.${resign} ${describeRecord(next)}.`);
}
