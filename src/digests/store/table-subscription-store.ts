import type { DocumentTable } from '../../storage/document-table.js';
import type { Change } from '../../storage/versioned.js';
import { writeDocument } from '../../storage/write-document.js';
import type { DigestSubscription } from '../domain/subscription.js';
import type { SubscriptionStore } from './subscription-store.js';

const PARTITION = 'subscription';

export class TableSubscriptionStore implements SubscriptionStore {
  constructor(private readonly table: DocumentTable<DigestSubscription>) {}

  async get(channelId: string): Promise<DigestSubscription | undefined> {
    return (await this.table.get(PARTITION, channelId))?.value;
  }

  write(channelId: string, change: Change<DigestSubscription>) {
    return writeDocument(this.table, PARTITION, channelId, change);
  }
}
