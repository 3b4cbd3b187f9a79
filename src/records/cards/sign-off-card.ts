import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import { type ListEntry, labelOf } from '../../reference-data/reference-data.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';
import { describeRecord } from '../domain/describe-record.js';
import { monthOf, type RecordDoc } from '../domain/record-doc.js';
import { YSWD_OUTCOMES, YSWD_STATUSES } from '../domain/record-kinds.js';
import { SIGN_OFF_FORM } from '../domain/sign-off-form.js';
import { RecordVerb } from '../records-verbs.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The facts of a "You said, we did" item, for the sign-off card (what was typed shown as typed). */
function yswdFacts(doc: RecordDoc, directorates: readonly ListEntry[]): CardText {
  const v = doc.values;
  const outcome =
    v.outcome === 'we-did' ? md`**We did:** ${text(v.weDid)}` : md`**Could not change, because:** ${text(v.whyNot)}`;
  const where = md`**Status:** ${labelOf(YSWD_STATUSES, text(v.status))} · **Directorate:** ${labelFrom(directorates, doc.directorate)}`;
  return [
    md`**You said:** ${text(v.youSaid)}`,
    outcome,
    where,
    ...(v.joint === true ? [botText('**We said, we did:** decided jointly with patients')] : []),
    md`Recorded by ${doc.author.name}; ${labelOf(YSWD_OUTCOMES, text(v.outcome))}.`,
  ].join('\n\n') as CardText;
}

/** The sign-off card for one pending item: its facts, a comment box (`typed` again after a refusal), the buttons. */
export function signOffCard(
  doc: RecordDoc,
  directorates: readonly ListEntry[],
  state: InputState & { readonly notice?: CardText } = {},
): AdaptiveCard {
  const ref = { kind: doc.kind, id: doc.id, month: monthOf(doc.date), revision: doc.revision };
  return buildFormCard({
    kicker: botText('“You said, we did” · sign-off'),
    title: md`${describeRecord(doc)}`,
    intro: yswdFacts(doc, directorates),
    ...state,
    fields: SIGN_OFF_FORM.fields,
    buttons: [
      { title: 'Approve', verb: RecordVerb.approve, data: ref, withInputs: true },
      { title: 'Send back', verb: RecordVerb.sendBack, data: ref, withInputs: true },
    ],
  });
}

/** What the PPI team member sees after deciding: signed off (it can appear in digests) or sent back to its author. */
export function signOffDoneCard(doc: RecordDoc, approve: boolean, by: string): AdaptiveCard {
  return buildNoticeCard({
    text: approve
      ? md`Signed off by ${by}: it can now appear in digests. ${describeRecord(doc)}.`
      : md`Sent back to ${doc.author.name} by ${by}. ${describeRecord(doc)}.`,
  });
}

/** An item already decided, by whom. */
export function alreadyDecidedCard(doc: RecordDoc): AdaptiveCard {
  const done = doc.approval?.status === 'approved' ? 'signed off' : 'sent back';
  return buildNoticeCard({ text: md`Already ${done} by ${doc.approval?.by?.name ?? 'someone'}.` });
}

/** Why a sign-off did not happen: the item changed since the card was shown (the latest is shown), or was decided. */
export function signOffRefusedCard(
  doc: RecordDoc,
  directorates: readonly ListEntry[],
  refusal: 'changed' | 'decided' | 'raced',
): AdaptiveCard {
  if (refusal === 'changed')
    return signOffCard(doc, directorates, { notice: botText('The item was changed since: here is the latest.') });
  if (refusal === 'decided') return alreadyDecidedCard(doc);
  return buildNoticeCard({ text: botText('Someone else decided on this item at the same moment.') });
}

/** The author's notice: their item was signed off (it can appear in digests) or sent back, with the comment. */
export function signOffNoticeCard(doc: RecordDoc): AdaptiveCard {
  const a = doc.approval;
  const by = a?.by?.name ?? 'the PPI team';
  const text =
    a?.status === 'approved'
      ? md`Your “You said, we did” item was signed off by ${by}: it can now appear in digests. ${describeRecord(doc)}.`
      : md`Your “You said, we did” item was sent back by ${by}${a?.comment ? `: “${a.comment}”` : '.'} Change it from **My records** and it goes back for sign-off. ${describeRecord(doc)}.`;
  return buildNoticeCard({ text, buttons: [{ title: 'My records', verb: RecordVerb.mine }] });
}
