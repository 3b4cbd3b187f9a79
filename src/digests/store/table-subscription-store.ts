import type { DocumentTable } from '../../storage/document-table.js';
import { type Mutation, mutateDocument } from '../../storage/mutate-document.js';
import type { DigestSubscription } from '../domain/subscription.js';
import type { SubscriptionStore } from './subscription-store.js';

const PARTITION = 'subscription';

export class TableSubscriptionStore implements SubscriptionStore {
  constructor(private readonly table: DocumentTable<DigestSubscription>) {}

  async get(channelId: string): Promise<DigestSubscription | undefined> {
    return (await this.table.get(PARTITION, channelId))?.value;
  }

  mutate(channelId: string, change: Mutation<DigestSubscription>) {
    return mutateDocument(this.table, PARTITION, channelId, change);
  }
}
