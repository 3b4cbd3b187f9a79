import type { DueWork } from '../../delivery/due-work.js';
import { type Pir, type PostedCard, submissionsOf } from './pir.js';
import { isAwaitingAssessment } from './pir-transitions.js';

/**
 * The messages a request causes, all through the delivery engine's `notices` job: the PPI team's card for each
 * submission (a resubmission as a reply under the first), the card updated in place after a decision or an
 * assignment, and the decision notice to the lead.
 */
export const PirNotice = {
  card: 'pir-card',
  update: 'pir-card-update',
  decision: 'pir-decision',
} as const;

/** A card post or a decision notice that gave up after its retries is tried again later, a few times. */
export const LATER_ROUNDS = 6;
export const LATER_AFTER_MS = 10 * 60_000;
/** An update written before a change that was then not saved is dropped after this long. */
export const UPDATE_PATIENCE_MS = 10 * 60_000;

/** Where the request is: its lead's partition and its id (`lead~id`; request ids have no `~`). */
export function noticeTarget(pir: Pick<Pir, 'id' | 'lead'>): string {
  return `${pir.lead.id}~${pir.id}`;
}

export function parseNoticeTarget(targetId: string): { leadId: string; pirId: string } | undefined {
  const at = targetId.lastIndexOf('~');
  return at > 0 ? { leadId: targetId.slice(0, at), pirId: targetId.slice(at + 1) } : undefined;
}

/** Cycle `n` (submission n), or `n~r` for the r-th later round after the sends gave up. */
export function submissionCycle(cycle: string): { submission: number; round: number } | undefined {
  const match = /^(\d{1,4})(?:~(\d))?$/.exec(cycle);
  return match ? { submission: Number(match[1]), round: Number(match[2] ?? 1) } : undefined;
}

function submissionWork(kind: string, pir: Pir, submission: number, at: Date, round = 1): DueWork {
  const cycle = round > 1 ? `${submission}~${round}` : String(submission);
  return { kind, targetId: noticeTarget(pir), cycle, dueAt: at.toISOString() };
}

/** The PPI team's card for submission `n` (written before the submit is saved). */
export function cardWork(pir: Pir, submission: number, at: Date, round = 1): DueWork {
  return submissionWork(PirNotice.card, pir, submission, at, round);
}

/** The lead's notice of the decision on submission `n` (written before the decision is saved). */
export function decisionWork(pir: Pir, submission: number, at: Date, round = 1): DueWork {
  return submissionWork(PirNotice.decision, pir, submission, at, round);
}

/**
 * The card updated to the request as it is once revision `revision` is saved. `nonce` keeps two changes made from
 * the same version apart (each asks for its own update; both show what is stored when they are sent).
 */
export function updateWork(pir: Pir, revision: number, nonce: string, at: Date): DueWork {
  return {
    kind: PirNotice.update,
    targetId: noticeTarget(pir),
    cycle: `${revision}~${nonce}`,
    dueAt: at.toISOString(),
  };
}

export function updateRevision(cycle: string): number | undefined {
  const match = /^(\d{1,9})~[\w-]{1,64}$/.exec(cycle);
  return match ? Number(match[1]) : undefined;
}

/** Whether a notice goes now, waits for the change it was written before, or is no longer wanted. */
export type NoticeState =
  | { readonly go: 'send' }
  | { readonly go: 'wait'; readonly reason: string }
  | { readonly go: 'drop'; readonly reason: string };

const send: NoticeState = { go: 'send' };
const wait = (reason: string): NoticeState => ({ go: 'wait', reason });
const drop = (reason: string): NoticeState => ({ go: 'drop', reason });

/** The card of submission `n`: once that submission is saved; not once a later one exists. */
export function cardState(pir: Pir | undefined, submission: number): NoticeState {
  if (!pir) return drop('request deleted');
  const made = submissionsOf(pir);
  if (made < submission) return wait('not submitted yet');
  return made > submission ? drop('a later version was submitted') : send;
}

/** The decision notice of submission `n`: once it is decided; not once the lead has resubmitted. */
export function decisionState(pir: Pir | undefined, submission: number): NoticeState {
  const card = cardState(pir, submission);
  if (card.go !== 'send' || !pir) return card;
  return isAwaitingAssessment(pir) ? wait('not decided yet') : send;
}

/**
 * The card update: once the change is saved and the card is posted. Waiting is bounded: a change that was never
 * saved leaves nothing to show, and a card posted later shows the request as it is then.
 */
export function updateState(pir: Pir | undefined, revision: number, work: DueWork, now: Date): NoticeState {
  if (!pir) return drop('request deleted');
  const ready = pir.revision >= revision && (pir.assessmentPost || pir.assessmentCardId);
  if (ready) return send;
  if (now.getTime() - Date.parse(work.dueAt) > UPDATE_PATIENCE_MS) {
    return drop(pir.revision < revision ? 'the change was not saved' : 'no card posted to update');
  }
  return wait(pir.revision < revision ? 'change not saved yet' : 'card not posted yet');
}

/** After a send gave up (every retry failed): the same notice once more, later, a few times. */
export function laterRound(work: DueWork, now: Date): { submission: number; round: number; at: Date } | undefined {
  const cycle = submissionCycle(work.cycle);
  if (!cycle || cycle.round >= LATER_ROUNDS) return undefined;
  return {
    submission: cycle.submission,
    round: cycle.round + 1,
    at: new Date(now.getTime() + LATER_AFTER_MS * cycle.round),
  };
}

/**
 * The request once its card for a submission is in the channel: the card to update from now on (unless a later
 * submission's card is already there), and the thread later versions reply under (the first card, or the first in a
 * channel the PPI team moved to).
 */
export function withPostedCard(pir: Pir, post: PostedCard): Pir | undefined {
  if ((pir.assessmentPost?.submission ?? 0) > post.submission) return undefined;
  if (pir.assessmentPost?.activityId === post.activityId) return undefined;
  const thread = pir.assessmentThread;
  const sameChannel = thread && channelOf(thread.conversation) === channelOf(post.conversation);
  return { ...pir, assessmentPost: post, ...(sameChannel ? {} : { assessmentThread: post }) };
}

/** A channel conversation id without the thread part (`19:…@thread.tacv2;messageid=…`). */
export function channelOf(conversation: PostedCard['conversation']): string {
  return (conversation.conversation?.id ?? '').split(';')[0] ?? '';
}

/** The reference to reply under a card in its thread. */
export function replyReference(thread: PostedCard): PostedCard['conversation'] {
  const conversation = thread.conversation.conversation;
  const id = `${channelOf(thread.conversation)};messageid=${thread.activityId}`;
  return { ...thread.conversation, conversation: { ...(conversation ?? {}), id } };
}
