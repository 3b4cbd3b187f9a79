import type { WorkingHours } from '../calendar/working-hours.js';
import type { DueIndex } from '../delivery/due-index.js';
import type { Outbox } from '../delivery/outbox.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { InstallationStore } from '../installations/store/installation-store.js';
import type { TrustLists } from '../trust-lists/store/trust-list-store.js';
import type { RecordStore } from './store/record-store.js';

export interface RecordsDeps {
  readonly records: RecordStore;
  /** The directorates a record is for, and the common "how did you hear" answers feedback results count. */
  readonly lists: Pick<TrustLists, 'directorates' | 'howHeard'>;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly topics: HelpTopics;
  /** The "told participants" reminder after sign-off (the `reminders` job), in these working hours. */
  readonly dueIndex: DueIndex;
  readonly workingHours: WorkingHours;
  /** Authors' 1:1 chats, for the sign-off notice. */
  readonly installations: InstallationStore;
  /** The author's sign-off notice, sent on its own. */
  readonly outbox: Outbox;
}
