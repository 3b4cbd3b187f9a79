import { tenantOf } from '../../bot/turn.js';
import type { DeliveryOutcome } from '../../delivery/delivery-record.js';
import type { DueIndex } from '../../delivery/due-index.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { DeliveryPlan, DueWorkHandler } from '../../delivery/due-work-handler.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { existing, type Versioned } from '../../storage/versioned.js';
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

/** How long the fan-out keeps the directorates' names it read: a run of thousands reads them once, not per nudge. */
const NAMES_KEPT_MS = 30_000;

/** The directorates' names, read again once they are older than `NAMES_KEPT_MS` (a failed read is not kept). */
function recentNames(deps: NudgeDeliveryDeps): () => Promise<ListEntry[]> {
  let kept: { readonly at: number; readonly entries: Promise<ListEntry[]> } | undefined;
  return () => {
    const now = performance.now();
    if (!kept || now - kept.at > NAMES_KEPT_MS) {
      const entries = deps.directorates.entries();
      kept = { at: now, entries };
      entries.catch(() => {
        if (kept?.entries === entries) kept = undefined;
      });
    }
    return kept.entries;
  };
}

async function sendTo(
  deps: NudgeDeliveryDeps & { readonly names: () => Promise<ListEntry[]> },
  who: Reachable,
  champion: Champion,
  cycle: string,
  variant: NudgeVariant,
): Promise<DeliveryPlan> {
  if (!canReach(who)) {
    return { action: 'skip', status: 'unreachable', detail: 'no 1:1 chat and no shared team with the bot' };
  }
  // Built while planning, not in the send: the claim-to-record window (an in-flight slot) stays as short as it can be.
  const cadenceDays = deps.settings.cadenceDays;
  const card = buildNudgeCard(champion, cycle, { directorates: await deps.names(), cadenceDays }, { variant });
  const every = cadenceInWords(champion.cadenceDays ?? cadenceDays);
  const summary = `Were patients involved in your directorate’s work in the last ${every}?`;
  return {
    action: 'send',
    tenantId: tenantOf(who.personalReference ?? who.teamReference),
    conversationKey: who.personalReference?.conversation?.id ?? `person:${who.channelUserId}`,
    async send(messenger) {
      const conversation = await personalChatOf(messenger, who);
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

/** Settles a delivery of champion work; `from` is the version planning read (written over with its ETag). */
type SettleChampion = (work: DueWork, outcome: DeliveryOutcome, from?: Versioned<Champion>) => Promise<void>;

/**
 * A handler that reads the champion, asks the domain whether the work is still due, and sends it to `reach`. The
 * champion it read goes to the settle step with the plan, so a delivery reads the champion once.
 */
function handler(
  deps: NudgeDeliveryDeps,
  kind: string,
  stillDue: (champion: Champion | undefined, work: DueWork) => StillDue,
  send: (champion: Champion, work: DueWork) => Promise<DeliveryPlan>,
  settle: SettleChampion,
): DueWorkHandler {
  return {
    kind,
    async plan(work) {
      const read = await deps.champions.get(work.targetId);
      const due = stillDue(read?.value, work);
      const planned = (outcome: DeliveryOutcome) => settle(work, outcome, read);
      const plan: DeliveryPlan = due.send ? await send(due.champion, work) : { action: 'drop', reason: due.reason };
      return plan.action === 'wait' ? plan : { ...plan, settle: planned };
    },
    settle: (work, outcome) => settle(work, outcome),
  };
}

export function nudgeDeliveryHandlers(nudgeDeps: NudgeDeliveryDeps): DueWorkHandler[] {
  const deps = { ...nudgeDeps, names: recentNames(nudgeDeps) };
  const { settings } = deps;
  const nudge = handler(
    deps,
    NudgeKind.nudge,
    (c, work) => nudgeStillDue(c, work.cycle),
    (c, work) => sendTo(deps, championReach(c), c, work.cycle, 'nudge'),
    async (work, outcome, from) => {
      if (outcome.status === 'cancelled') return;
      await applyCycleChange(
        deps,
        work.targetId,
        existing((c) => nudgeSettled(c, work.cycle, outcome, settings)),
        from,
      );
    },
  );
  const followUp = handler(
    deps,
    NudgeKind.followUp,
    (c, work) => followUpStillDue(c, work.cycle, settings),
    (c, work) => sendTo(deps, championReach(c), c, parseFollowUpCycle(work.cycle)?.cycle ?? work.cycle, 'follow-up'),
    async (work, outcome, from) => {
      if (outcome.status !== 'sent') return;
      await applyCycleChange(
        deps,
        work.targetId,
        existing((c) => followUpSettled(c, work.cycle, outcome, settings)),
        from,
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
