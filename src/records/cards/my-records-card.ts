import { botText, lines, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { shorten } from '../../text/shorten.js';
import { describeRecord, recordName } from '../domain/describe-record.js';
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
      text: botText(
        'You have no records from the last three months. Type **log engagement**, **log feedback** or **you said we did**.',
      ),
    });
  }
  const rows = mine.slice(0, SHOWN).map((d) => {
    const state = d.approval ? ` (${STATUS[d.approval.status] ?? d.approval.status})` : '';
    const comment = d.approval?.comment ? `: “${shorten(d.approval.comment, 120)}”` : '';
    return md`- ${describeRecord(d)}${state}${comment}`;
  });
  const more = mine.length > SHOWN ? [botText(''), md`…and ${mine.length - SHOWN} older.`] : [];
  return buildNoticeCard({
    title: botText('Your records (last three months)'),
    text: lines(...rows, ...more),
    buttons: mine.slice(0, SHOWN).map((d) => ({
      title: `Edit “${recordName(d)}”`,
      verb: RecordVerb.edit,
      data: {
        kind: d.kind,
        id: d.id,
        month: monthOf(d.date),
        revision: d.revision,
        ...(d.category ? { category: d.category } : {}),
        ...(d.origin ? { source: 'check-in' } : {}),
      },
    })),
  });
}
