import type { DigestSubscription } from '../../src/digests/domain/subscription.js';
import { people } from '../helpers/people.js';

/** An active monthly digest subscription for `channelId`, posting through the connector at `serviceUrl`. */
export function channelSubscription(channelId: string, serviceUrl: string, at: string): DigestSubscription {
  return {
    channelId,
    reference: {
      serviceUrl,
      channelId: 'msteams',
      bot: { id: 'bot', name: 'PPI bot' },
      conversation: { id: channelId, tenantId: 'tenant-1' } as { id: string },
    },
    cadence: 'monthly',
    subscribedBy: { id: people.admin.id, name: people.admin.name },
    subscribedAt: at,
    status: 'active',
    updatedAt: at,
  };
}
