import type { Messenger } from '../bot/messenger.js';
import type { ConversationRef } from '../bot/turn.js';
import type { DeliveryOutcome } from './delivery-record.js';
import type { DueWork } from './due-work.js';

/**
 * Settles this delivery from what planning read (its version), so the feature does not read it again. Optional:
 * without it the handler's `settle` runs. Like `settle`, it must be idempotent and write over that version only
 * (ETag), re-planning from what is stored when it changed.
 */
export type SettlePlanned = (outcome: DeliveryOutcome, now: Date) => Promise<void>;

/** What a feature wants sent for one piece of due work. */
export type DeliveryPlan =
  | {
      readonly action: 'send';
      /** Rate-limit buckets: the tenant, and the conversation (or person, when the chat is yet to be created). */
      readonly tenantId: string;
      readonly conversationKey: string;
      /** Sends once (create the chat if needed, then post); retried by the engine on transient failures. */
      send(messenger: Messenger): Promise<{ activityId?: string; conversation: ConversationRef }>;
      readonly settle?: SettlePlanned;
    }
  /** Nothing to send any more (answered, paused, rescheduled): the work is dropped. */
  | { readonly action: 'drop'; readonly reason: string; readonly settle?: SettlePlanned }
  /**
   * Not yet: the work stays due and is planned again at the next run (e.g. the PPI team's channel is not set yet, or
   * the change the work was written before has not been saved yet). Nothing is recorded.
   */
  | { readonly action: 'wait'; readonly reason: string }
  /** Cannot be sent, e.g. no way to reach the person: recorded as that outcome without a send. */
  | {
      readonly action: 'skip';
      readonly status: 'unreachable' | 'rejected';
      readonly detail: string;
      readonly settle?: SettlePlanned;
    };

/**
 * A feature's side of the delivery engine, for one kind of work. `settle` must be idempotent: after a crash it can be
 * called again with the same outcome.
 */
export interface DueWorkHandler {
  readonly kind: string;
  plan(work: DueWork, now: Date): Promise<DeliveryPlan>;
  settle(work: DueWork, outcome: DeliveryOutcome, now: Date): Promise<void>;
}
