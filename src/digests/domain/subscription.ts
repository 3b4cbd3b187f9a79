import type { ConversationRef } from '../../bot/turn.js';
import type { PeriodKind } from '../../calendar/period.js';

/** A team channel that gets a "You said, we did" digest every period, optionally for one directorate. */
export interface DigestSubscription {
  /** The channel's conversation id (without a message id): one subscription per channel. */
  readonly channelId: string;
  /** Where top-level posts go. */
  readonly reference: ConversationRef;
  readonly teamName?: string;
  readonly cadence: PeriodKind;
  readonly directorate?: { readonly id: string; readonly label: string };
  readonly subscribedBy: { readonly id: string; readonly name: string };
  readonly subscribedAt: string;
  readonly status: 'active' | 'stopped';
  readonly updatedAt: string;
}

/** A channel's new (or changed) subscription: the cadence and directorate asked for, by whom, active from now. */
export function newSubscription(
  channel: { readonly channelId: string; readonly reference: ConversationRef; readonly teamName?: string | undefined },
  request: { readonly cadence: PeriodKind; readonly directorate?: { id: string; label: string } | undefined },
  by: { readonly id: string; readonly name: string },
  now: Date,
): DigestSubscription {
  return {
    channelId: channel.channelId,
    reference: channel.reference,
    ...(channel.teamName ? { teamName: channel.teamName } : {}),
    cadence: request.cadence,
    ...(request.directorate ? { directorate: request.directorate } : {}),
    subscribedBy: { id: by.id, name: by.name },
    subscribedAt: now.toISOString(),
    status: 'active',
    updatedAt: now.toISOString(),
  };
}

/** Stopped, if it was active; undefined when there was nothing to stop. */
export function stopped(current: DigestSubscription, now: Date): DigestSubscription | undefined {
  return current.status === 'active' ? { ...current, status: 'stopped', updatedAt: now.toISOString() } : undefined;
}
