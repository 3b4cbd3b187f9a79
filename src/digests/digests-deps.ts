import type { WorkingHours } from '../calendar/working-hours.js';
import type { DueIndex } from '../delivery/due-index.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { TrustListStore } from '../trust-lists/store/trust-list-store.js';
import type { DigestSource } from './digest-source.js';
import type { DigestNowStore } from './store/digest-now-store.js';
import type { SubscriptionStore } from './store/subscription-store.js';

export interface DigestsDeps {
  readonly subscriptions: SubscriptionStore;
  /** The last `digest now` per place and per person: how often a fresh one is put together. */
  readonly lastDigests: DigestNowStore;
  readonly dueIndex: DueIndex;
  readonly directorates: TrustListStore;
  readonly source: DigestSource;
  readonly now: () => Date;
  readonly workingHours: WorkingHours;
  readonly topics: HelpTopics;
}
