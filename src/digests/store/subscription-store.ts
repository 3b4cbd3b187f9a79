import type { Mutation } from '../../storage/mutate-document.js';
import type { DigestSubscription } from '../domain/subscription.js';

/** Digest subscriptions, one per channel. Few rows (one per subscribed channel), so listing is one partition. */
export interface SubscriptionStore {
  get(channelId: string): Promise<DigestSubscription | undefined>;
  mutate(
    channelId: string,
    change: Mutation<DigestSubscription>,
  ): Promise<{ before: DigestSubscription | undefined; after: DigestSubscription | undefined }>;
}
