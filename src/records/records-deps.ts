import type { DirectorateStore } from '../directorates/store/directorate-store.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { RecordStore } from './store/record-store.js';

export interface RecordsDeps {
  readonly records: RecordStore;
  readonly directorates: DirectorateStore;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly topics: HelpTopics;
}
