import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { shorten } from '../../pir/domain/describe-answers.js';
import { describeRecord } from '../domain/describe-record.js';
import type { RecordDoc } from '../domain/record-doc.js';
import { monthOf } from '../domain/record-doc.js';
import type { RecordsDeps } from '../records-deps.js';
import { RecordVerb } from '../records-verbs.js';
import { recordFormCard, valuesOf } from './record-form.js';
import type { RecordInHand, SaveSubmission } from './save-record.js';

const SHOWN = 10;
const STATUS: Record<string, string> = {
  pending: 'awaiting sign-off',
  approved: 'signed off',
  'sent-back': 'sent back',
};

/** Your records dated in the last 92 days, newest first, each with an Edit button. */
export async function myRecordsCard(turn: Turn, deps: RecordsDeps): Promise<AdaptiveCard> {
  const today = londonDateKey(deps.now());
  const from = addLondonDays(today, -92);
  const all = await deps.records.listPeriod(from, today);
  const mine = all
    .filter((d) => d.author.id === turn.actor.id)
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt));
  if (mine.length === 0) {
    return buildNoticeCard({
      text: 'You have no records from the last three months. Type **log engagement**, **log feedback** or **you said we did**.',
    });
  }
  const lines = mine.slice(0, SHOWN).map((d) => {
    const state = d.approval ? ` (${STATUS[d.approval.status] ?? d.approval.status})` : '';
    return `- ${describeRecord(d)}${state}${d.approval?.comment ? `: “${shorten(d.approval.comment, 120)}”` : ''}`;
  });
  const more = mine.length > SHOWN ? `\n\n…and ${mine.length - SHOWN} older.` : '';
  return buildNoticeCard({
    title: 'Your records (last three months)',
    text: `${lines.join('\n')}${more}`,
    buttons: mine.slice(0, SHOWN).map((d, i) => ({
      title: `Edit ${i + 1}`,
      verb: RecordVerb.edit,
      data: {
        kind: d.kind,
        id: d.id,
        month: monthOf(d.date),
        revision: d.revision,
        ...(d.category ? { category: d.category } : {}),
      },
    })),
  });
}

/** Edit: the record's form, prefilled (its author or the PPI team). */
export async function editRecord(
  deps: RecordsDeps,
  { ref }: SaveSubmission,
  record: RecordInHand,
): Promise<AdaptiveCard> {
  const doc: RecordDoc | undefined = record.stored?.value;
  if (!doc) return recordFormCard(ref, await deps.directorates.list());
  const editRef = {
    ...ref,
    month: monthOf(doc.date),
    revision: doc.revision,
    ...(doc.category ? { category: doc.category } : {}),
  };
  return recordFormCard(editRef, await deps.directorates.list(), { values: valuesOf(doc) });
}
