import type { WorkingHours } from '../calendar/working-hours.js';
import type { DueIndex } from '../delivery/due-index.js';
import type { DirectorateStore } from '../directorates/store/directorate-store.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { RecordStore } from './store/record-store.js';

export interface RecordsDeps {
  readonly records: RecordStore;
  readonly directorates: DirectorateStore;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly topics: HelpTopics;
  /** The "told participants" reminder after sign-off (the `reminders` job), in these working hours. */
  readonly dueIndex: DueIndex;
  readonly workingHours: WorkingHours;
}
