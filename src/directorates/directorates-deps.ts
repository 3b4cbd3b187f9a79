import type { HelpTopics } from '../help/help-topics.js';
import type { DirectorateStore } from './store/directorate-store.js';

export interface DirectoratesDeps {
  readonly directorates: DirectorateStore;
  readonly now: () => Date;
  readonly topics: HelpTopics;
}
