import { botText, type CardText, md } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { londonDateKey } from '../../calendar/london-time.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { rememberPersonalChat } from '../../installations/handlers/remember-personal-chat.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { recordFormCard } from '../cards/record-form-card.js';
import { recordsNotice } from '../cards/records-notice.js';
import { describeRecord } from '../domain/describe-record.js';
import { keptValues } from '../domain/read-record.js';
import {
  editedRecord,
  isRepeatedEdit,
  keyOf,
  newRecord,
  type RecordBase,
  recordBase,
} from '../domain/record-changes.js';
import { monthOf, type RecordDoc, type RecordKind } from '../domain/record-doc.js';
import { recordForm } from '../domain/record-kinds.js';
import type { SaveRef, SaveSubmission } from '../domain/save-ref.js';
import type { RecordsDeps } from '../records-deps.js';
import { recordLists } from './record-lists.js';

/** The record a Save or Edit acts on: the stored one (an edit), or none yet (a new record, created by the one saving). */
export interface RecordInHand {
  readonly stored?: Versioned<RecordDoc>;
  readonly lead: string;
}

export function loadRecord(deps: Pick<RecordsDeps, 'records'>, missing: (ref: SaveRef) => CardText) {
  return async (turn: Turn, { ref }: SaveSubmission): Promise<RecordInHand | Answer> => {
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
export async function saveRecord(turn: Turn, deps: RecordsDeps, { ref, inputs }: SaveSubmission, record: RecordInHand) {
  const lists = await recordLists(deps);
  const form = recordForm(ref, lists, { today: londonDateKey(deps.now()) });
  const read = readForm(form, inputs);
  if (!read.ok) {
    const typed = typedOnForm(form, inputs);
    return recordFormCard(ref, lists, { errors: read.errors, typed, notice: read.message });
  }
  const base = recordBase(ref.kind, read.values);
  if (!record.stored) return saveNew(turn, deps, ref, base);
  return saveEdit(deps, ref, base, record.stored, keptValues(record.stored.value, form.fields));
}

const savedNotice = (doc: RecordDoc) => recordsNotice(md`${SAVED[doc.kind]} ${describeRecord(doc)}.`);

/**
 * A new record, created with the id the form was shown with: a second click (a double click) finds it saved and
 * shows the same outcome; nothing is added twice.
 */
async function saveNew(turn: Turn, deps: RecordsDeps, ref: SaveRef, base: RecordBase): Promise<AdaptiveCard> {
  const doc = newRecord(ref, base, { id: turn.actor.id, name: turn.actor.name }, deps.now());
  try {
    await deps.records.create(doc);
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    const stored = await deps.records.get({ kind: doc.kind, month: monthOf(doc.date), id: doc.id });
    if (stored?.value.author.id === turn.actor.id) return savedNotice(stored.value);
    return recordsNotice(botText('This was already saved: nothing was added twice.'));
  }
  turn.log.info({ kind: ref.kind }, 'record saved');
  await rememberPersonalChat(turn, deps);
  return savedNotice(doc);
}

/** "Changes saved", saying when a "You said, we did" item went back for sign-off. */
const changesSaved = (doc: RecordDoc) => {
  const resign =
    doc.kind === 'yswd' && doc.approval?.status === 'pending' ? ' It goes back to the PPI team for sign-off.' : '';
  return recordsNotice(md`Changes saved.${resign} ${describeRecord(doc)}.`);
};

async function saveEdit(
  deps: RecordsDeps,
  ref: SaveRef,
  base: RecordBase,
  stored: Versioned<RecordDoc>,
  kept: RecordDoc['values'],
) {
  const now = deps.now();
  if (isRepeatedEdit(stored.value, ref.revision, base, kept)) return changesSaved(stored.value);
  if (!editedRecord(stored.value, ref.revision, base, now, kept)) {
    return recordsNotice(
      botText('This record was changed by someone else since you opened it. Open it again from **My records**.'),
    );
  }
  const edit = existing<RecordDoc>((c) => editedRecord(c, ref.revision, base, now, kept));
  const write = await deps.records.write(keyOf(stored.value), edit, { from: stored });
  if (write.status !== 'applied') {
    if (write.status === 'refused' && isRepeatedEdit(write.current.value, ref.revision, base, kept)) {
      return changesSaved(write.current.value);
    }
    return recordsNotice(
      botText('This record was changed by someone else at the same moment. Open it again from **My records**.'),
    );
  }
  return changesSaved(write.saved.value);
}
