import type { Turn } from '../../bot/turn.js';
import { periodContaining } from '../../calendar/period.js';
import type { DigestDeps } from '../digest-deps.js';
import { channelOf } from './subscribe.js';

/**
 * `digest now` in a channel: the digest for the period so far (the channel's cadence, monthly if not subscribed),
 * posted in reply. Reads only this period's records; nothing is stored.
 */
export async function digestNow(turn: Turn, deps: DigestDeps): Promise<void> {
  const channel = channelOf(turn);
  const subscription = channel ? await deps.subscriptions.get(channel.channelId) : undefined;
  const active = subscription?.status === 'active' ? subscription : undefined;
  const period = periodContaining(active?.cadence ?? 'monthly', deps.now());
  const message = await deps.source.compose(period, active?.directorate ? { directorate: active.directorate.id } : {});
  await turn.say(message);
}
