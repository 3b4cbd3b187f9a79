import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import { buildMyRecordsCard } from '../cards/my-records-card.js';
import { recordFormCard } from '../cards/record-form-card.js';
import { earlierAnswers } from '../domain/read-record.js';
import { ownRecords } from '../domain/record-changes.js';
import { monthOf, valuesOf } from '../domain/record-doc.js';
import { recordFields } from '../domain/record-kinds.js';
import type { SaveSubmission } from '../domain/save-ref.js';
import type { RecordsDeps } from '../records-deps.js';
import { recordLists } from './record-lists.js';
import type { RecordInHand } from './save-record.js';

/** `my records`: your records dated in the last 92 days, newest first, each with an Edit button. */
export async function myRecords(turn: Turn, deps: RecordsDeps): Promise<AdaptiveCard> {
  const today = londonDateKey(deps.now());
  const docs = await deps.records.listPeriod(addLondonDays(today, -92), today);
  return buildMyRecordsCard(ownRecords(docs, turn.actor.id));
}

/** Edit: the record's form, prefilled (its author or the PPI team), with any answers kept from an earlier form. */
export async function editRecord(deps: RecordsDeps, { ref }: SaveSubmission, record: RecordInHand) {
  const doc = record.stored?.value;
  const lists = await recordLists(deps);
  if (!doc) return recordFormCard(ref, lists);
  const editRef = {
    ...ref,
    month: monthOf(doc.date),
    revision: doc.revision,
    ...(doc.category ? { category: doc.category } : {}),
    ...(doc.origin ? { source: 'check-in' as const } : {}),
  };
  const earlier = earlierAnswers(doc, recordFields(editRef, lists), await deps.lists.howHeard.entries());
  return recordFormCard(editRef, lists, { values: valuesOf(doc), earlier });
}
