import type { ConversationRef } from '../bot/turn.js';

/**
 * The state of one delivery (kind, target, cycle). `pending` → `sending` (claimed with an ETag, just before the send)
 * → a final state. A record left in `sending` means a runner stopped between sending and recording: the message may
 * or may not have gone, so it is sent again at most once, flagged `resentAfterCrash`.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'unreachable' | 'rejected' | 'failed' | 'cancelled';

export const FINAL_STATUSES: ReadonlySet<DeliveryStatus> = new Set([
  'sent',
  'unreachable',
  'rejected',
  'failed',
  'cancelled',
]);

export interface DeliveryRecord {
  readonly kind: string;
  readonly targetId: string;
  readonly cycle: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly createdAt: string;
  readonly runId?: string;
  readonly claimedAt?: string;
  readonly finishedAt?: string;
  readonly activityId?: string;
  readonly conversation?: ConversationRef;
  readonly statusCode?: number;
  readonly detail?: string;
  readonly resentAfterCrash?: boolean;
}

/** What happened to a delivery, as handed to the feature that asked for it. */
export type DeliveryOutcome =
  | {
      readonly status: 'sent';
      readonly activityId?: string;
      readonly conversation?: ConversationRef;
      readonly at: string;
      readonly resentAfterCrash: boolean;
    }
  | {
      readonly status: 'unreachable' | 'rejected' | 'failed' | 'cancelled';
      readonly statusCode?: number;
      readonly detail: string;
      readonly at: string;
    };

export function outcomeOf(record: DeliveryRecord): DeliveryOutcome {
  const at = record.finishedAt ?? record.claimedAt ?? record.createdAt;
  if (record.status === 'sent') {
    return {
      status: 'sent',
      at,
      resentAfterCrash: record.resentAfterCrash ?? false,
      ...(record.activityId ? { activityId: record.activityId } : {}),
      ...(record.conversation ? { conversation: record.conversation } : {}),
    };
  }
  const status = record.status === 'pending' || record.status === 'sending' ? 'failed' : record.status;
  return {
    status,
    at,
    detail: record.detail ?? status,
    ...(record.statusCode !== undefined ? { statusCode: record.statusCode } : {}),
  };
}
