import type { AuditLog } from '../audit/audit-log.js';
import type { ItemResult } from '../delivery/delivery-engine.js';
import type { DueIndex } from '../delivery/due-index.js';
import type { DueWork } from '../delivery/due-work.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { PpiTeamStore } from '../ppi-team/store/ppi-team-store.js';
import type { RecordStore } from '../records/store/record-store.js';
import type { TrustListStore } from '../trust-lists/store/trust-list-store.js';
import type { NudgeSettings } from './domain/nudge-settings.js';
import type { ChampionStore } from './store/champion-store.js';
import type { InvolvementLog } from './store/involvement-log.js';

export interface ChampionsDeps {
  readonly champions: ChampionStore;
  readonly dueIndex: DueIndex;
  readonly directorates: TrustListStore;
  /** A check-in's "Log involvement" is an engagement record; the catch-up reads them back. */
  readonly records: Pick<RecordStore, 'create' | 'listPeriod'>;
  /** Involvement logged before check-ins made engagement records (read by the catch-up). */
  readonly involvements: InvolvementLog;
  /** The champions' channel lives beside the PPI team's channel. */
  readonly ppiTeam: PpiTeamStore;
  /** Channel moves are audited. */
  readonly audit: AuditLog;
  readonly now: () => Date;
  readonly settings: NudgeSettings;
  readonly topics: HelpTopics;
  /** Delivers one nudge at once through the delivery engine (`nudge me now`). */
  readonly deliverNudgeNow: (work: DueWork) => Promise<ItemResult>;
}
