import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { FormSpec } from '../../forms/form-field.js';
import type { InputState } from '../../forms/form-inputs.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { describeRecord, yswdFacts } from '../domain/describe-record.js';
import { monthOf, type RecordDoc } from '../domain/record-doc.js';
import type { RecordsDeps } from '../records-deps.js';
import { RecordVerb } from '../records-verbs.js';
import type { SaveSubmission } from './save-record.js';

/** The sign-off's one question: a comment, needed to send an item back. */
const SIGN_OFF: FormSpec = {
  fields: [
    {
      key: 'comment',
      label: 'Comment (needed to send it back)',
      kind: 'longtext',
      required: (known) => known.decision === 'send-back',
      maxLength: 1000,
    },
  ],
};

/** The sign-off card for one pending item: its facts, a comment box (`typed` again after a refusal), the buttons. */
export function signOffCard(doc: RecordDoc, state: { notice?: string } & InputState = {}) {
  const ref = { kind: doc.kind, id: doc.id, month: monthOf(doc.date), revision: doc.revision };
  return buildFormCard({
    kicker: '“You said, we did” · sign-off',
    title: describeRecord(doc),
    intro: yswdFacts(doc),
    ...state,
    fields: SIGN_OFF.fields,
    buttons: [
      { title: 'Approve', verb: RecordVerb.approve, data: ref, withInputs: true },
      { title: 'Send back', verb: RecordVerb.sendBack, data: ref, withInputs: true },
    ],
  });
}

/** The "You said, we did" item a sign-off button points at. */
export function loadPendingItem(deps: Pick<RecordsDeps, 'records'>) {
  return async (_turn: Turn, { ref }: SaveSubmission): Promise<Versioned<RecordDoc> | Answer> => {
    const found =
      ref.month && ref.kind === 'yswd'
        ? await deps.records.get({ kind: ref.kind, month: ref.month, id: ref.id })
        : undefined;
    return found ?? answer("I couldn't find that item: it may have been changed or removed.");
  };
}

/** `approvals` (PPI team): one sign-off card per pending item, oldest first (ten at a time). */
export async function listApprovals(turn: Turn, deps: RecordsDeps): Promise<void> {
  const pending = (await deps.records.listPending()).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  if (pending.length === 0) {
    await turn.say('Nothing is waiting for sign-off.');
    return;
  }
  await turn.say(
    `${pending.length} item${pending.length === 1 ? '' : 's'} waiting for sign-off${pending.length > 10 ? ' (the oldest ten below)' : ''}:`,
  );
  for (const doc of pending.slice(0, 10)) await turn.say({ card: signOffCard(doc) });
}

/** Approve or send back; the first decision on a revision wins, and a changed item is shown again. */
export async function decideSignOff(
  turn: Turn,
  deps: RecordsDeps,
  { ref, inputs }: SaveSubmission,
  found: Versioned<RecordDoc>,
  approve: boolean,
): Promise<AdaptiveCard> {
  const doc = found.value;
  if (doc.revision !== ref.revision)
    return signOffCard(doc, { notice: 'The item was changed since: here is the latest.' });
  if (doc.approval?.status !== 'pending') {
    const by = doc.approval?.by?.name ?? 'someone';
    return buildNoticeCard({
      text: `Already ${doc.approval?.status === 'approved' ? 'signed off' : 'sent back'} by ${by}.`,
    });
  }
  const read = readForm(SIGN_OFF, inputs, { known: { decision: approve ? 'approve' : 'send-back' } });
  if (!read.ok) {
    return signOffCard(doc, { errors: read.errors, notice: read.message, typed: typedOnForm(SIGN_OFF, inputs) });
  }
  const comment = read.values.comment;
  const at = deps.now().toISOString();
  const approval = {
    status: approve ? ('approved' as const) : ('sent-back' as const),
    by: { id: turn.actor.id, name: turn.actor.name },
    at,
    ...(typeof comment === 'string' ? { comment } : {}),
  };
  const write = await deps.records.write(
    { kind: doc.kind, month: monthOf(doc.date), id: doc.id },
    existing((c) =>
      c.revision === doc.revision && c.approval?.status === 'pending'
        ? { ...c, revision: c.revision + 1, updatedAt: at, approval }
        : undefined,
    ),
    { from: found },
  );
  if (write.status !== 'applied')
    return buildNoticeCard({ text: 'Someone else decided on this item at the same moment.' });
  const next: RecordDoc = write.saved.value;
  turn.log.info({ approved: approve }, 'you said we did item signed off');
  return buildNoticeCard({
    text: approve
      ? `Signed off by ${turn.actor.name}: it can now appear in digests. ${describeRecord(next)}.`
      : `Sent back to ${doc.author.name} by ${turn.actor.name}. ${describeRecord(next)}.`,
  });
}
