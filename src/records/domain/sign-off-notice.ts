import type { DueWork } from '../../delivery/due-work.js';
import { monthOf, type RecordDoc } from './record-doc.js';

/** The author's notice that their "You said, we did" item was signed off or sent back (the `notices` job). */
export const SIGN_OFF_NOTICE = 'yswd-sign-off';

/** A change written before its sign-off is saved is given this long; after that there is nothing to tell. */
export const SIGN_OFF_PATIENCE_MS = 10 * 60_000;

/** The notice for the decision that makes revision `revision` (written before the decision is saved). */
export function signOffNoticeWork(doc: RecordDoc, revision: number, at: Date): DueWork {
  return {
    kind: SIGN_OFF_NOTICE,
    targetId: `${monthOf(doc.date)}~${doc.id}`,
    cycle: String(revision),
    dueAt: at.toISOString(),
  };
}

export function parseSignOffTarget(work: DueWork): { month: string; id: string; revision: number } | undefined {
  const match = /^(\d{4}-\d{2})~([A-Za-z0-9-]{8,64})$/.exec(work.targetId);
  const revision = Number(work.cycle);
  return match?.[1] && match[2] && Number.isInteger(revision) ? { month: match[1], id: match[2], revision } : undefined;
}

export type SignOffNoticeState = 'send' | 'wait' | 'drop';

/** Send once the decision is saved; drop when the item changed again since, or the decision never happened. */
export function signOffNoticeState(doc: RecordDoc | undefined, revision: number, work: DueWork, now: Date) {
  if (!doc || doc.revision > revision) return 'drop';
  if (doc.revision < revision) return now.getTime() - Date.parse(work.dueAt) > SIGN_OFF_PATIENCE_MS ? 'drop' : 'wait';
  const status = doc.approval?.status;
  return status === 'approved' || status === 'sent-back' ? 'send' : 'drop';
}
