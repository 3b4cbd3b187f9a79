import type { CardActionResult, Turn } from '../../bot/turn.js';
import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { cleanInput } from '../../forms/read-form-field.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import { shorten } from '../../pir/domain/describe-answers.js';
import { describeRecord } from '../domain/describe-record.js';
import type { RecordDoc } from '../domain/record-doc.js';
import { monthOf } from '../domain/record-doc.js';
import type { RecordsDeps } from '../records-deps.js';
import { RecordVerb } from '../records-verbs.js';
import { recordFormCard, valuesOf } from './record-form.js';
import { readSaveRef } from './save-record.js';
import { notice } from './start-record.js';

const SHOWN = 10;
const STATUS: Record<string, string> = {
  pending: 'awaiting sign-off',
  approved: 'signed off',
  'sent-back': 'sent back',
};

/** Your records dated in the last 92 days, newest first, each with an Edit button. */
async function myRecordsCard(turn: Turn, deps: RecordsDeps) {
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

export async function myRecords(turn: Turn, deps: RecordsDeps): Promise<void> {
  await turn.say({ card: await myRecordsCard(turn, deps) });
}

export async function myRecordsAction(turn: Turn, deps: RecordsDeps): Promise<CardActionResult> {
  return { card: await myRecordsCard(turn, deps) };
}

/** Edit: the record's form, prefilled, for its author or the PPI team. */
export async function editRecord(turn: Turn, deps: RecordsDeps, data: Readonly<Record<string, unknown>>) {
  const ref = readSaveRef(data);
  const found = ref?.month ? await deps.records.get({ kind: ref.kind, month: ref.month, id: ref.id }) : undefined;
  if (!ref || !found) {
    return notice(
      `I couldn't find that record (${maskPersonalData(shorten(cleanInput(data.id), 40)) || 'no id'}): it may have been changed or removed.`,
    );
  }
  const doc: RecordDoc = found.value;
  if (doc.author.id !== turn.actor.id && !(await deps.roles.isPpiTeam(turn.actor.id))) {
    return notice('Only the person who recorded this, or the PPI team, can change it.');
  }
  const editRef = {
    ...ref,
    month: monthOf(doc.date),
    revision: doc.revision,
    ...(doc.category ? { category: doc.category } : {}),
  };
  return { card: recordFormCard(editRef, await deps.directorates.list(), { values: valuesOf(doc) }) };
}
