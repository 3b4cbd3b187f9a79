import { md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { londonDateKey } from '../../calendar/london-time.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { existing } from '../../storage/versioned.js';
import { recordsNotice } from '../cards/records-notice.js';
import { toldReminderCard } from '../cards/told-reminder-card.js';
import { describeRecord } from '../domain/describe-record.js';
import { keyOf, toldParticipants } from '../domain/record-changes.js';
import type { SaveSubmission } from '../domain/save-ref.js';
import { TOLD_FORM } from '../domain/told-reminder.js';
import type { RecordsDeps } from '../records-deps.js';
import type { RecordInHand } from './save-record.js';

/** "They have been told" on the reminder: how and when, recorded on the item (its sign-off stays). */
export async function recordTold(
  turn: Turn,
  deps: RecordsDeps,
  { inputs }: SaveSubmission,
  record: RecordInHand,
): Promise<AdaptiveCard> {
  const stored = record.stored;
  if (!stored) return recordsNotice(md`I couldn't find that item: it may have been changed or removed.`);
  const read = readForm(TOLD_FORM, inputs);
  const today = londonDateKey(deps.now());
  const future = read.ok && String(read.values.toldOn) > today;
  if (!read.ok || future) {
    const errors = read.ok
      ? [{ key: 'toldOn', message: 'This date is in the future: record it once they have been told.' }]
      : read.errors;
    return toldReminderCard(stored.value, {
      errors,
      typed: typedOnForm(TOLD_FORM, inputs),
      ...(read.ok ? {} : { notice: read.message }),
    });
  }
  const told = { how: String(read.values.toldHow), on: String(read.values.toldOn) };
  const write = await deps.records.write(
    keyOf(stored.value),
    existing((c) => toldParticipants(c, told, deps.now())),
    {
      from: stored,
    },
  );
  const doc =
    write.status === 'applied' ? write.saved.value : write.status === 'refused' ? write.current.value : undefined;
  if (!doc) return recordsNotice(md`I couldn't find that item: it may have been changed or removed.`);
  turn.log.info({ applied: write.status === 'applied' }, 'participants told recorded');
  return recordsNotice(
    md`Thank you: recorded that participants were told (${String(doc.values.toldHow ?? '')}). ${describeRecord(doc)}.`,
  );
}
