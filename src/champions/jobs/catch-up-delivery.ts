import { tenantOf } from '../../bot/turn.js';
import { computeNextDue } from '../../calendar/due-date.js';
import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import type { DueIndex } from '../../delivery/due-index.js';
import type { DueWorkHandler } from '../../delivery/due-work-handler.js';
import type { PpiTeamStore } from '../../ppi-team/store/ppi-team-store.js';
import type { RecordStore } from '../../records/store/record-store.js';
import type { TrustListStore } from '../../trust-lists/store/trust-list-store.js';
import { buildCatchUpCard } from '../cards/catch-up-card.js';
import { summariseCatchUp } from '../domain/catch-up.js';
import { cadenceInWords } from '../domain/champion.js';
import { fromCheckInRecord } from '../domain/involvement.js';
import type { NudgeSettings } from '../domain/nudge-settings.js';
import { catchUpWork, NUDGE_JOB, NudgeKind } from '../domain/nudge-work.js';
import type { ChampionStore } from '../store/champion-store.js';
import type { InvolvementLog } from '../store/involvement-log.js';

export interface CatchUpDeps {
  readonly ppiTeam: PpiTeamStore;
  readonly champions: ChampionStore;
  /** Involvement logged before check-ins made engagement records. */
  readonly involvements: InvolvementLog;
  /** Check-ins' engagement records. */
  readonly records: Pick<RecordStore, 'listPeriod'>;
  readonly directorates: Pick<TrustListStore, 'entries'>;
  readonly dueIndex: DueIndex;
  readonly settings: NudgeSettings;
}

/** The card for the catch-up due at `at`: the cadence (six weeks) before it. */
export async function composeCatchUp(deps: CatchUpDeps, at: Date) {
  const toDateKey = londonDateKey(at);
  const fromDateKey = addLondonDays(toDateKey, -deps.settings.cadenceDays);
  const from = new Date(`${fromDateKey}T00:00:00Z`);
  const [champions, logged, records, directorates] = await Promise.all([
    deps.champions.list(),
    deps.involvements.listBetween(fromDateKey, toDateKey),
    deps.records.listPeriod(fromDateKey, toDateKey, { kind: 'engagement' }),
    deps.directorates.entries(),
  ]);
  const involvement = [...logged, ...records.flatMap((r) => fromCheckInRecord(r) ?? [])];
  const summary = summariseCatchUp(champions, involvement, directorates, from, at, { fromDateKey, toDateKey });
  return buildCatchUpCard(summary, cadenceInWords(deps.settings.cadenceDays));
}

/** Posts the six-weekly catch-up card in the champions' channel, once per cycle, then plans the next one. */
export function catchUpDeliveryHandler(deps: CatchUpDeps): DueWorkHandler {
  return {
    kind: NudgeKind.catchUp,
    async plan(work) {
      const channel = await deps.ppiTeam.getChampionsChannel();
      if (!channel || channel.nextCatchUpAt !== work.cycle) return { action: 'drop', reason: 'channel changed' };
      const card = await composeCatchUp(deps, new Date(work.dueAt));
      return {
        action: 'send',
        tenantId: tenantOf(channel.reference),
        conversationKey: channel.channelId,
        async send(messenger) {
          const activityId = await messenger.send(channel.reference, { card, summary: 'Champions’ catch-up' });
          return { conversation: channel.reference, ...(activityId ? { activityId } : {}) };
        },
      };
    },
    async settle(work, outcome) {
      if (outcome.status === 'cancelled') return;
      const channel = await deps.ppiTeam.getChampionsChannel();
      if (!channel || channel.nextCatchUpAt !== work.cycle) return;
      const next = computeNextDue(new Date(work.dueAt), deps.settings.cadenceDays, deps.settings.workingHours);
      await deps.dueIndex.schedule(NUDGE_JOB, catchUpWork(next.toISOString()));
      await deps.ppiTeam.setChampionsChannel({ ...channel, nextCatchUpAt: next.toISOString() });
    },
  };
}
