import type { Change, Write } from '../../storage/versioned.js';
import type { DigestSubscription } from '../domain/subscription.js';

/** Digest subscriptions, one per channel. Few rows (one per subscribed channel), so listing is one partition. */
export interface SubscriptionStore {
  get(channelId: string): Promise<DigestSubscription | undefined>;
  /** Read-modify-write (ETag-checked); the result says whether it applied. */
  write(channelId: string, change: Change<DigestSubscription>): Promise<Write<DigestSubscription>>;
}
