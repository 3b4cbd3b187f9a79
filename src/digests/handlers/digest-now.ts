import type { Turn } from '../../bot/turn.js';
import { periodContaining } from '../../calendar/period.js';
import type { DigestsDeps } from '../digests-deps.js';

/**
 * `digest now` (in a subscribed channel, or the PPI team anywhere): the digest for the period so far (the channel's
 * cadence and directorate; monthly for all directorates elsewhere), posted in reply. Reads only this period's
 * records; nothing is stored.
 */
export async function digestNow(turn: Turn, deps: DigestsDeps): Promise<void> {
  const channelId = turn.conversation.kind === 'channel' ? turn.conversation.channelId : undefined;
  const subscription = channelId ? await deps.subscriptions.get(channelId) : undefined;
  const active = subscription?.status === 'active' ? subscription : undefined;
  const period = periodContaining(active?.cadence ?? 'monthly', deps.now());
  const message = await deps.source.compose(period, active?.directorate ? { directorate: active.directorate.id } : {});
  await turn.say(message);
}
