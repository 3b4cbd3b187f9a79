import { botText } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import { signOffCard, signOffDoneCard, signOffRefusedCard } from '../cards/sign-off-card.js';
import { keyOf, signedOff, signOffRefusal } from '../domain/record-changes.js';
import type { RecordDoc } from '../domain/record-doc.js';
import type { SaveSubmission } from '../domain/save-ref.js';
import { SIGN_OFF_FORM, signOffDecision } from '../domain/sign-off-form.js';
import { signOffNoticeWork } from '../domain/sign-off-notice.js';
import { REMINDERS_JOB, toldReminderWork } from '../domain/told-reminder.js';
import type { RecordsDeps } from '../records-deps.js';

/** A "You said, we did" item on a sign-off card, with the directorates to name it by. */
export interface PendingItem {
  readonly loaded: Versioned<RecordDoc>;
  readonly directorates: readonly ListEntry[];
}

/** The "You said, we did" item a sign-off button points at. */
export function loadPendingItem(deps: Pick<RecordsDeps, 'records' | 'lists'>) {
  return async (_turn: Turn, { ref }: SaveSubmission): Promise<PendingItem | Answer> => {
    const [found, directorates] = await Promise.all([
      ref.month && ref.kind === 'yswd'
        ? deps.records.get({ kind: ref.kind, month: ref.month, id: ref.id })
        : Promise.resolve(undefined),
      deps.lists.directorates.entries(),
    ]);
    return found
      ? { loaded: found, directorates }
      : answer(botText("I couldn't find that item: it may have been changed or removed."));
  };
}

/** `approvals` (PPI team): one sign-off card per pending item, oldest first (ten at a time). */
export async function listApprovals(turn: Turn, deps: RecordsDeps): Promise<void> {
  const pending = (await deps.records.listPending()).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const more = pending.length > 10 ? ' (the oldest ten below)' : '';
  await turn.say(
    pending.length === 0
      ? 'Nothing is waiting for sign-off.'
      : `${pending.length} item${pending.length === 1 ? '' : 's'} waiting for sign-off${more}:`,
  );
  const directorates = await deps.lists.directorates.entries();
  for (const doc of pending.slice(0, 10)) await turn.say({ card: signOffCard(doc, directorates) });
}

/** Approve or send back; the first decision on a revision wins, and a changed item is shown again. */
export async function decideSignOff(
  turn: Turn,
  deps: RecordsDeps,
  { ref, inputs }: SaveSubmission,
  item: PendingItem,
  approve: boolean,
): Promise<AdaptiveCard> {
  const { loaded: found, directorates } = item;
  const doc = found.value;
  const refusal = signOffRefusal(doc, ref.revision);
  if (refusal) return signOffRefusedCard(doc, directorates, refusal);
  const read = readForm(SIGN_OFF_FORM, inputs, { known: { decision: approve ? 'approve' : 'send-back' } });
  if (!read.ok) {
    const typed = typedOnForm(SIGN_OFF_FORM, inputs);
    return signOffCard(doc, directorates, { errors: read.errors, notice: read.message, typed });
  }
  const decision = signOffDecision(read.values, approve, turn.actor);
  const now = deps.now();
  // Due work first: the reminder is dropped when found if this sign-off does not happen or participants were told,
  // and the author's notice exists before the decision does.
  if (approve && doc.values.participantsTold !== true) {
    await deps.dueIndex.schedule(REMINDERS_JOB, toldReminderWork(doc, now, deps.workingHours));
  }
  const notice = signOffNoticeWork(doc, doc.revision + 1, now);
  await deps.outbox.add(notice);
  const signOff = existing((c: RecordDoc) => signedOff(c, ref.revision, decision, now));
  const write = await deps.records.write(keyOf(doc), signOff, { from: found });
  if (write.status !== 'applied') return signOffRefusedCard(doc, directorates, 'raced');
  turn.log.info({ approved: approve }, 'you said we did item signed off');
  await deps.outbox.sendSoon(notice);
  return signOffDoneCard(write.saved.value, approve, turn.actor.name);
}
