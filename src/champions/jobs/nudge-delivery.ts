import { tenantOf } from '../../bot/turn.js';
import type { DueIndex } from '../../delivery/due-index.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { DeliveryPlan, DueWorkHandler } from '../../delivery/due-work-handler.js';
import { existing } from '../../storage/versioned.js';
import type { TrustListStore } from '../../trust-lists/store/trust-list-store.js';
import { buildNudgeCard, type NudgeVariant } from '../cards/nudge-card.js';
import { type Champion, cadenceInWords } from '../domain/champion.js';
import {
  deputyStillDue,
  followUpSettled,
  followUpStillDue,
  nudgeSettled,
  nudgeStillDue,
  type StillDue,
} from '../domain/delivery-rules.js';
import type { NudgeSettings } from '../domain/nudge-settings.js';
import { NudgeKind, parseFollowUpCycle } from '../domain/nudge-work.js';
import { applyCycleChange } from '../store/apply-cycle-change.js';
import type { ChampionStore } from '../store/champion-store.js';
import { canReach, personalChatOf, type Reachable } from './reach-person.js';

export interface NudgeDeliveryDeps {
  readonly champions: ChampionStore;
  readonly dueIndex: DueIndex;
  readonly settings: NudgeSettings;
  /** The directorates' names as they are now (a renamed directorate shows its new name). */
  readonly directorates: Pick<TrustListStore, 'entries'>;
}

function sendTo(
  deps: NudgeDeliveryDeps,
  who: Reachable,
  champion: Champion,
  cycle: string,
  variant: NudgeVariant,
): DeliveryPlan {
  if (!canReach(who)) {
    return { action: 'skip', status: 'unreachable', detail: 'no 1:1 chat and no shared team with the bot' };
  }
  return {
    action: 'send',
    tenantId: tenantOf(who.personalReference ?? who.teamReference),
    conversationKey: who.personalReference?.conversation?.id ?? `person:${who.channelUserId}`,
    async send(messenger) {
      const conversation = await personalChatOf(messenger, who);
      const cadenceDays = deps.settings.cadenceDays;
      const card = buildNudgeCard(
        champion,
        cycle,
        { directorates: await deps.directorates.entries(), cadenceDays },
        {
          variant,
        },
      );
      const every = cadenceInWords(champion.cadenceDays ?? cadenceDays);
      const summary = `Were patients involved in your directorate’s work in the last ${every}?`;
      const activityId = await messenger.send(conversation, { card, summary });
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

function deputyReach(c: Champion): Reachable {
  const d = c.deputy;
  return {
    ...(d?.teamReference ? { teamReference: d.teamReference } : {}),
    ...(d?.channelUserId ? { channelUserId: d.channelUserId } : {}),
  };
}

/** A handler that reads the champion, asks the domain whether the work is still due, and sends it to `reach`. */
function handler(
  deps: NudgeDeliveryDeps,
  kind: string,
  stillDue: (champion: Champion | undefined, work: DueWork) => StillDue,
  send: (champion: Champion, work: DueWork) => DeliveryPlan,
  settle: DueWorkHandler['settle'],
): DueWorkHandler {
  return {
    kind,
    async plan(work) {
      const due = stillDue((await deps.champions.get(work.targetId))?.value, work);
      return due.send ? send(due.champion, work) : { action: 'drop', reason: due.reason };
    },
    settle,
  };
}

export function nudgeDeliveryHandlers(deps: NudgeDeliveryDeps): DueWorkHandler[] {
  const { settings } = deps;
  const nudge = handler(
    deps,
    NudgeKind.nudge,
    (c, work) => nudgeStillDue(c, work.cycle),
    (c, work) => sendTo(deps, championReach(c), c, work.cycle, 'nudge'),
    async (work, outcome) => {
      if (outcome.status === 'cancelled') return;
      await applyCycleChange(
        deps,
        work.targetId,
        existing((c) => nudgeSettled(c, work.cycle, outcome, settings)),
      );
    },
  );
  const followUp = handler(
    deps,
    NudgeKind.followUp,
    (c, work) => followUpStillDue(c, work.cycle, settings),
    (c, work) => sendTo(deps, championReach(c), c, parseFollowUpCycle(work.cycle)?.cycle ?? work.cycle, 'follow-up'),
    async (work, outcome) => {
      await applyCycleChange(
        deps,
        work.targetId,
        existing((c) => followUpSettled(c, work.cycle, outcome, settings)),
      );
    },
  );
  const deputy = handler(
    deps,
    NudgeKind.deputy,
    (c, work) => deputyStillDue(c, work.cycle),
    (c, work) => sendTo(deps, deputyReach(c), c, work.cycle, 'deputy'),
    async () => undefined,
  );
  return [nudge, followUp, deputy];
}
