import type { ConversationRef } from '../../bot/turn.js';
import type { DeliveryOutcome } from '../../delivery/delivery-record.js';
import type { DueIndex } from '../../delivery/due-index.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { DeliveryPlan, DueWorkHandler } from '../../delivery/due-work-handler.js';
import { buildNudgeCard, type NudgeVariant } from '../cards/nudge-card.js';
import type { Champion } from '../domain/champion.js';
import { followUpSent, nudgeMissed, nudgeSent } from '../domain/nudge-cycle.js';
import type { NudgeSettings } from '../domain/nudge-settings.js';
import { NudgeKind, parseFollowUpCycle } from '../domain/nudge-work.js';
import type { ChampionStore } from '../store/champion-store.js';
import { applyCycleChange } from './apply-cycle-change.js';
import { canReach, personalChatOf, type Reachable, tenantOf } from './reach-person.js';

export interface NudgeDeliveryDeps {
  readonly champions: ChampionStore;
  readonly dueIndex: DueIndex;
  readonly settings: NudgeSettings;
}

const SUMMARY = 'How did patients shape your directorate’s work in the last six weeks?';

function sendTo(who: Reachable, champion: Champion, cycle: string, variant: NudgeVariant): DeliveryPlan {
  if (!canReach(who)) {
    return { action: 'skip', status: 'unreachable', detail: 'no 1:1 chat and no shared team with the bot' };
  }
  return {
    action: 'send',
    tenantId: tenantOf(who.personalReference ?? who.teamReference),
    conversationKey: who.personalReference?.conversation?.id ?? `person:${who.channelUserId}`,
    async send(messenger) {
      const conversation = await personalChatOf(messenger, who);
      const card = buildNudgeCard(champion, cycle, { variant });
      const activityId = await messenger.send(conversation, { card, summary: SUMMARY });
      return { conversation, ...(activityId ? { activityId } : {}) };
    },
  };
}

function championReach(c: Champion): Reachable {
  return {
    ...(c.personalReference ? { personalReference: c.personalReference } : {}),
    ...(c.teamReference ? { teamReference: c.teamReference } : {}),
    ...(c.person.channelUserId ? { channelUserId: c.person.channelUserId } : {}),
  };
}

/** Remembers a newly created 1:1 chat, or that Teams refused the champion (403). */
function reachFrom(champion: Champion, outcome: DeliveryOutcome): Champion {
  if (outcome.status === 'sent' && outcome.conversation && !champion.personalReference) {
    return { ...champion, personalReference: outcome.conversation as ConversationRef };
  }
  if (outcome.status === 'unreachable') return { ...champion, unreachable: { at: outcome.at, detail: outcome.detail } };
  return champion;
}

/** The six-weekly nudge itself. Sent only if the champion is active and the work matches their due date. */
function nudgeHandler(deps: NudgeDeliveryDeps): DueWorkHandler {
  return {
    kind: NudgeKind.nudge,
    async plan(work) {
      const champion = (await deps.champions.get(work.targetId))?.value;
      if (!champion || champion.nextDueAt !== work.cycle) return { action: 'drop', reason: 'rescheduled' };
      if (champion.status !== 'active') return { action: 'drop', reason: 'nudges paused' };
      return sendTo(championReach(champion), champion, work.cycle, 'nudge');
    },
    async settle(work, outcome) {
      if (outcome.status === 'cancelled') return;
      await applyCycleChange(deps, work.targetId, (c) => {
        if (c.nextDueAt !== work.cycle) return undefined;
        const at = new Date(outcome.at);
        const reached = reachFrom(c, outcome);
        return outcome.status === 'sent'
          ? nudgeSent(reached, work.cycle, at, deps.settings)
          : nudgeMissed(reached, work.cycle, at, deps.settings);
      });
    },
  };
}

function isOpenCycle(champion: Champion | undefined, cycle: string): champion is Champion {
  return Boolean(champion?.cycle && champion.cycle.dueAt === cycle && !champion.cycle.answer);
}

/** Follow-up n of a cycle: only while it is unanswered and within MAX_FOLLOW_UPS. */
function followUpHandler(deps: NudgeDeliveryDeps): DueWorkHandler {
  return {
    kind: NudgeKind.followUp,
    async plan(work) {
      const parsed = parseFollowUpCycle(work.cycle);
      const champion = (await deps.champions.get(work.targetId))?.value;
      if (!parsed || !isOpenCycle(champion, parsed.cycle)) return { action: 'drop', reason: 'answered or superseded' };
      if (champion.status !== 'active') return { action: 'drop', reason: 'nudges paused' };
      if (parsed.n > deps.settings.maxFollowUps || (champion.cycle?.followUpsSent ?? 0) >= parsed.n) {
        return { action: 'drop', reason: 'follow-up limit reached' };
      }
      return sendTo(championReach(champion), champion, parsed.cycle, 'follow-up');
    },
    async settle(work, outcome) {
      const parsed = parseFollowUpCycle(work.cycle);
      if (!parsed || outcome.status !== 'sent') return;
      await applyCycleChange(deps, work.targetId, (c) =>
        isOpenCycle(c, parsed.cycle) && (c.cycle?.followUpsSent ?? 0) < parsed.n
          ? followUpSent(c, parsed.n, new Date(outcome.at), deps.settings)
          : undefined,
      );
    },
  };
}

/** The nudge passed to the champion's deputy ("hand to my deputy"). */
function deputyHandler(deps: NudgeDeliveryDeps): DueWorkHandler {
  return {
    kind: NudgeKind.deputy,
    async plan(work: DueWork) {
      const champion = (await deps.champions.get(work.targetId))?.value;
      if (!isOpenCycle(champion, work.cycle) || !champion.deputy) return { action: 'drop', reason: 'answered' };
      const d = champion.deputy;
      return sendTo(
        {
          ...(d.teamReference ? { teamReference: d.teamReference } : {}),
          ...(d.channelUserId ? { channelUserId: d.channelUserId } : {}),
        },
        champion,
        work.cycle,
        'deputy',
      );
    },
    async settle() {},
  };
}

export function nudgeDeliveryHandlers(deps: NudgeDeliveryDeps): DueWorkHandler[] {
  return [nudgeHandler(deps), followUpHandler(deps), deputyHandler(deps)];
}
