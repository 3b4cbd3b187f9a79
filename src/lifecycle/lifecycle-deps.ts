import type { AuditLog } from '../audit/audit-log.js';
import type { ItemResult } from '../delivery/delivery-engine.js';
import type { DueIndex } from '../delivery/due-index.js';
import type { DueWork } from '../delivery/due-work.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { PirStore } from '../pir/store/pir-store.js';
import type { RecordStore } from '../records/store/record-store.js';
import type { TrustListStore } from '../trust-lists/store/trust-list-store.js';
import type { CheckInSettings } from './domain/lifecycle-work.js';
import type { ProjectIndex } from './store/project-index.js';

export interface LifecycleDeps {
  readonly pirs: PirStore;
  readonly projects: ProjectIndex;
  readonly dueIndex: DueIndex;
  readonly records: Pick<RecordStore, 'listPeriod'>;
  /** The directorates' names as the Trust's list has them now. */
  readonly directorates: Pick<TrustListStore, 'entries'>;
  readonly audit: AuditLog;
  readonly settings: CheckInSettings;
  /** A close-out's review card or a decision notice now, through the delivery engine (the job retries it if not). */
  readonly deliverNow: (work: DueWork) => Promise<ItemResult>;
  readonly now: () => Date;
  readonly topics: HelpTopics;
}
