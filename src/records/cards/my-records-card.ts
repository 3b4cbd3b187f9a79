import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { shorten } from '../../text/shorten.js';
import { describeRecord } from '../domain/describe-record.js';
import { monthOf, type RecordDoc } from '../domain/record-doc.js';
import { RecordVerb } from '../records-verbs.js';

const SHOWN = 10;
const STATUS: Readonly<Record<string, string>> = {
  pending: 'awaiting sign-off',
  approved: 'signed off',
  'sent-back': 'sent back',
};

/** The person's recent records (newest first), ten at most, each with an Edit button. */
export function buildMyRecordsCard(mine: readonly RecordDoc[]): AdaptiveCard {
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
