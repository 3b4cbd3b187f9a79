import { tenantOf } from '../../bot/turn.js';
import type { DueWorkHandler } from '../../delivery/due-work-handler.js';
import type { DigestsDeps } from '../digests-deps.js';
import {
  DIGEST_JOB,
  DIGEST_KIND,
  digestWork,
  parseDigestCycle,
  periodAfter,
  periodOfWork,
} from '../domain/digest-work.js';

type Deps = Pick<DigestsDeps, 'subscriptions' | 'dueIndex' | 'source' | 'workingHours'>;

/** Posts a channel's digest for a finished period, once; then plans the next period's. */
export function digestDeliveryHandler(deps: Deps): DueWorkHandler {
  return {
    kind: DIGEST_KIND,
    async plan(work) {
      const subscription = await deps.subscriptions.get(work.targetId);
      const cycle = parseDigestCycle(work.cycle);
      const period = periodOfWork(work);
      if (subscription?.status !== 'active') return { action: 'drop', reason: 'unsubscribed' };
      if (!cycle || !period || cycle.kind !== subscription.cadence)
        return { action: 'drop', reason: 'cadence changed' };
      const filter = subscription.directorate ? { directorate: subscription.directorate.id } : {};
      const message = await deps.source.compose(period, filter);
      return {
        action: 'send',
        tenantId: tenantOf(subscription.reference),
        conversationKey: subscription.channelId,
        async send(messenger) {
          const activityId = await messenger.send(subscription.reference, message);
          return { conversation: subscription.reference, ...(activityId ? { activityId } : {}) };
        },
      };
    },
    async settle(work, outcome) {
      const period = periodOfWork(work);
      if (!period || outcome.status === 'cancelled') return;
      const subscription = await deps.subscriptions.get(work.targetId);
      if (subscription?.status !== 'active' || subscription.cadence !== period.kind) return;
      await deps.dueIndex.schedule(DIGEST_JOB, digestWork(work.targetId, periodAfter(period), deps.workingHours));
    },
  };
}
