import { type Messenger, SendFailure } from '../../bot/messenger.js';
import { type ConversationRef, type OutgoingMessage, tenantOf } from '../../bot/turn.js';
import type { DeliveryOutcome } from '../../delivery/delivery-record.js';
import type { DueIndex } from '../../delivery/due-index.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { DeliveryPlan, DueWorkHandler } from '../../delivery/due-work-handler.js';
import { NOTICE_JOB } from '../../delivery/outbox.js';
import { personalNoticePlan } from '../../installations/jobs/personal-notice.js';
import type { InstallationStore } from '../../installations/store/installation-store.js';
import type { Logger } from '../../logger.js';
import { activeMembers } from '../../ppi-team/store/active-members.js';
import type { PpiTeamStore } from '../../ppi-team/store/ppi-team-store.js';
import { existing } from '../../storage/versioned.js';
import type { TrustLists } from '../../trust-lists/store/trust-list-store.js';
import { buildAssessmentCard } from '../cards/assessment-card.js';
import { buildDecisionCard } from '../cards/decision-card.js';
import type { Pir, PostedCard } from '../domain/pir.js';
import { STATUS_LABELS } from '../domain/pir.js';
import {
  cardState,
  cardWork,
  channelOf,
  decisionState,
  decisionWork,
  laterRound,
  type NoticeState,
  PirNotice,
  parseNoticeTarget,
  replyReference,
  submissionCycle,
  updateRevision,
  updateState,
  withPostedCard,
} from '../domain/pir-notices.js';
import { pirLists } from '../store/pir-lists.js';
import type { PirStore } from '../store/pir-store.js';

export interface PirNoticeDeps {
  readonly pirs: PirStore;
  /** The directorates and Quality Strategy priorities the PPI team's card names. */
  readonly lists: Pick<TrustLists, 'directorates' | 'qualityPriorities'>;
  readonly ppiTeam: PpiTeamStore;
  readonly installations: InstallationStore;
  readonly dueIndex: DueIndex;
  readonly log: Logger;
}

type Plan = Promise<DeliveryPlan>;

const MALFORMED: NoticeState = { go: 'drop', reason: 'malformed' };

/** The plan for what the domain decided: wait, drop, or what `send` builds for the request. */
async function whenDue(state: NoticeState, pir: Pir | undefined, send: (pir: Pir) => Plan): Plan {
  if (state.go === 'wait') return { action: 'wait', reason: state.reason };
  if (state.go === 'drop') return { action: 'drop', reason: state.reason };
  return pir ? send(pir) : { action: 'drop', reason: 'request deleted' };
}

/** A notice about one submission (its card, its decision): the request read, the domain's state, then `send`. */
async function planForSubmission(
  deps: PirNoticeDeps,
  work: DueWork,
  state: (pir: Pir | undefined, submission: number) => NoticeState,
  send: (pir: Pir) => Plan,
): Plan {
  const cycle = submissionCycle(work.cycle);
  const pir = await requestOf(deps, work);
  return whenDue(cycle ? state(pir, cycle.submission) : MALFORMED, pir, send);
}

async function requestOf(deps: PirNoticeDeps, work: DueWork): Promise<Pir | undefined> {
  const target = parseNoticeTarget(work.targetId);
  return target ? (await deps.pirs.get(target.leadId, target.pirId))?.value : undefined;
}

/** Teams refused a reply in that thread (deleted, or too old): post the card as a new message instead. */
const threadRefused = (error: unknown) =>
  error instanceof SendFailure && (error.statusCode === 400 || error.statusCode === 404);

async function postCard(
  messenger: Messenger,
  channel: ConversationRef,
  thread: PostedCard | undefined,
  card: OutgoingMessage,
) {
  if (thread) {
    const reply = replyReference(thread);
    try {
      const activityId = await messenger.send(reply, card);
      return { conversation: reply, ...(activityId ? { activityId } : {}) };
    } catch (error) {
      if (!threadRefused(error)) throw error;
    }
  }
  const activityId = await messenger.send(channel, card);
  return { conversation: channel, ...(activityId ? { activityId } : {}) };
}

/** After every retry failed: the same notice once more, later (a few rounds), so a long outage loses nothing. */
async function tryAgainLater(
  deps: PirNoticeDeps,
  work: DueWork,
  outcome: DeliveryOutcome,
  next: (pir: Pir, submission: number, at: Date, round: number) => DueWork,
  pir: Pir | undefined,
) {
  if (outcome.status !== 'failed' || !pir) return;
  const later = laterRound(work, new Date(outcome.at));
  if (!later) {
    deps.log.error({ kind: work.kind, pirId: pir.id }, 'notice not delivered after every round; given up');
    return;
  }
  deps.log.warn({ kind: work.kind, pirId: pir.id, round: later.round }, 'notice not delivered; trying again later');
  await deps.dueIndex.schedule(NOTICE_JOB, next(pir, later.submission, later.at, later.round));
}

/**
 * The PPI team's card for a submission, in their channel; a resubmission as a reply under the first card (when that
 * thread is in the current channel and Teams accepts the reply). Waits while no channel is set: every request
 * submitted meanwhile is posted once it is.
 */
function cardHandler(deps: PirNoticeDeps): DueWorkHandler {
  return {
    kind: PirNotice.card,
    plan(work): Plan {
      return planForSubmission(deps, work, cardState, async (due) => {
        const channel = await deps.ppiTeam.getChannel();
        if (!channel) return { action: 'wait', reason: 'no PPI team channel yet' };
        const [members, lists] = await Promise.all([activeMembers(deps), pirLists(deps)]);
        const card = buildAssessmentCard(due, { members, lists });
        const resubmitted = (due.submission?.number ?? 1) > 1;
        const thread = due.assessmentThread;
        const replyUnder =
          resubmitted && thread && channelOf(thread.conversation) === channel.channelId ? thread : undefined;
        const message = { card, summary: `${resubmitted ? 'Resubmitted' : 'New request'} ${due.reference ?? ''}` };
        return {
          action: 'send',
          tenantId: tenantOf(channel.reference),
          conversationKey: channel.channelId,
          send: (messenger) => postCard(messenger, channel.reference, replyUnder, message),
        };
      });
    },
    async settle(work, outcome) {
      const cycle = submissionCycle(work.cycle);
      const pir = await requestOf(deps, work);
      if (!cycle || !pir) return;
      if (outcome.status === 'sent' && outcome.activityId && outcome.conversation) {
        const post: PostedCard = {
          activityId: outcome.activityId,
          conversation: outcome.conversation,
          submission: cycle.submission,
        };
        await deps.pirs.write(
          pir.lead.id,
          pir.id,
          existing((c: Pir) => withPostedCard(c, post)),
        );
        if (pir.reference) await deps.pirs.indexReference(pir.reference, pir.lead.id, pir.id);
      }
      await tryAgainLater(deps, work, outcome, cardWork, pir);
    },
  };
}

/** The card in the channel shown as the request is now, for everyone (after a decision or an assignment). */
function updateHandler(deps: PirNoticeDeps): DueWorkHandler {
  return {
    kind: PirNotice.update,
    async plan(work, now): Plan {
      const revision = updateRevision(work.cycle);
      const pir = await requestOf(deps, work);
      const state = revision === undefined ? MALFORMED : updateState(pir, revision, work, now);
      return whenDue(state, pir, async (due) => {
        const post = due.assessmentPost ?? (await legacyPost(deps, due));
        if (!post) return { action: 'drop', reason: 'no card posted to update' };
        const [members, lists] = await Promise.all([activeMembers(deps), pirLists(deps)]);
        const card = buildAssessmentCard(due, { members, lists });
        return {
          action: 'send',
          tenantId: tenantOf(post.conversation),
          conversationKey: channelOf(post.conversation),
          async send(messenger) {
            await messenger.update(post.conversation, post.activityId, { card });
            return { conversation: post.conversation, activityId: post.activityId };
          },
        };
      });
    },
    async settle(work, outcome) {
      if (outcome.status !== 'failed') return;
      deps.log.warn(
        { kind: work.kind },
        'the assessment card could not be updated in place; the update stays recorded as failed',
      );
    },
  };
}

/** Requests posted before cards were remembered with their channel: the card's id in the current channel. */
async function legacyPost(deps: PirNoticeDeps, pir: Pir): Promise<PostedCard | undefined> {
  const channel = await deps.ppiTeam.getChannel();
  if (!channel || !pir.assessmentCardId) return undefined;
  return { activityId: pir.assessmentCardId, conversation: channel.reference, submission: pir.submission?.number ?? 1 };
}

/** The decision, in the lead's 1:1 chat with the bot. */
function decisionHandler(deps: PirNoticeDeps): DueWorkHandler {
  return {
    kind: PirNotice.decision,
    plan(work): Plan {
      return planForSubmission(deps, work, decisionState, (due) => {
        const summary = `${due.reference ?? 'Your request'}: ${STATUS_LABELS[due.status]}`;
        return personalNoticePlan(deps.installations, due.lead.id, { card: buildDecisionCard(due), summary });
      });
    },
    async settle(work, outcome) {
      await tryAgainLater(deps, work, outcome, decisionWork, await requestOf(deps, work));
    },
  };
}

/** Every message a Patient Involvement Request sends on its own (the `notices` job). */
export function pirNoticeHandlers(deps: PirNoticeDeps): DueWorkHandler[] {
  return [cardHandler(deps), updateHandler(deps), decisionHandler(deps)];
}
