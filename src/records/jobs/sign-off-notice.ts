import type { DueWorkHandler } from '../../delivery/due-work-handler.js';
import { personalNoticePlan } from '../../installations/jobs/personal-notice.js';
import type { InstallationStore } from '../../installations/store/installation-store.js';
import { signOffNoticeCard } from '../cards/sign-off-card.js';
import { parseSignOffTarget, SIGN_OFF_NOTICE, signOffNoticeState } from '../domain/sign-off-notice.js';
import type { RecordStore } from '../store/record-store.js';

export interface SignOffNoticeDeps {
  readonly records: RecordStore;
  readonly installations: InstallationStore;
}

/** Tells a "You said, we did" item's author, in their 1:1 chat, that it was signed off or sent back. */
export function signOffNoticeHandler(deps: SignOffNoticeDeps): DueWorkHandler {
  return {
    kind: SIGN_OFF_NOTICE,
    async plan(work, now) {
      const target = parseSignOffTarget(work);
      if (!target) return { action: 'drop', reason: 'malformed' };
      const doc = (await deps.records.get({ kind: 'yswd', month: target.month, id: target.id }))?.value;
      const state = signOffNoticeState(doc, target.revision, work, now);
      if (state === 'wait') return { action: 'wait', reason: 'sign-off not saved yet' };
      if (state === 'drop' || !doc) return { action: 'drop', reason: 'changed since, or not signed off' };
      const approved = doc.approval?.status === 'approved';
      const summary = approved ? '“You said, we did”: signed off' : '“You said, we did”: sent back';
      return personalNoticePlan(deps.installations, doc.author.id, { card: signOffNoticeCard(doc), summary });
    },
    async settle() {},
  };
}
