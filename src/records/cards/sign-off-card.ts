import type { AdaptiveCard } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import { describeRecord, yswdFacts } from '../domain/describe-record.js';
import { monthOf, type RecordDoc } from '../domain/record-doc.js';
import { SIGN_OFF_FORM } from '../domain/sign-off-form.js';
import { RecordVerb } from '../records-verbs.js';

/** The sign-off card for one pending item: its facts, a comment box (`typed` again after a refusal), the buttons. */
export function signOffCard(doc: RecordDoc, state: InputState & { readonly notice?: string } = {}): AdaptiveCard {
  const ref = { kind: doc.kind, id: doc.id, month: monthOf(doc.date), revision: doc.revision };
  return buildFormCard({
    kicker: '“You said, we did” · sign-off',
    title: describeRecord(doc),
    intro: yswdFacts(doc),
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
      ? `Signed off by ${by}: it can now appear in digests. ${describeRecord(doc)}.`
      : `Sent back to ${doc.author.name} by ${by}. ${describeRecord(doc)}.`,
  });
}

/** An item already decided, by whom. */
export function alreadyDecidedCard(doc: RecordDoc): AdaptiveCard {
  const done = doc.approval?.status === 'approved' ? 'signed off' : 'sent back';
  return buildNoticeCard({ text: `Already ${done} by ${doc.approval?.by?.name ?? 'someone'}.` });
}
