import type { Turn } from '../../bot/turn.js';
import { periodContaining } from '../../calendar/period.js';
import type { Write } from '../../storage/versioned.js';
import type { DigestsDeps } from '../digests-deps.js';
import {
  type DigestNowDecision,
  decideDigestNow,
  digestNowNotice,
  type LastDigest,
} from '../domain/digest-now-limit.js';

const storedAfter = (write: Write<LastDigest>) => (write.status === 'refused' ? write.current.value : undefined);

/**
 * `digest now` (in a subscribed channel, or the PPI team anywhere): the digest for the period so far (the channel's
 * cadence and directorate; monthly for all directorates elsewhere), posted in reply. Reads only this period's
 * records. A fresh one is put together at most every five minutes per place and per person (the limit is stored,
 * so it holds across instances): within that time the place's last one is shown again, saying when it was put
 * together and when a fresh one can be asked for. Each claim is written over the version read (ETag), so two people
 * asking at the same moment on two instances make one digest, not two.
 */
export async function digestNow(turn: Turn, deps: DigestsDeps): Promise<void> {
  const now = deps.now();
  const channelId = turn.conversation.kind === 'channel' ? turn.conversation.channelId : undefined;
  const subscription = channelId ? await deps.subscriptions.get(channelId) : undefined;
  const active = subscription?.status === 'active' ? subscription : undefined;
  const period = periodContaining(active?.cadence ?? 'monthly', now);
  const filter = active?.directorate ? { directorate: active.directorate.id } : {};
  const key = `${period.kind}:${period.startKey}~${filter.directorate ?? 'all'}`;
  const placeId = channelId ?? turn.conversation.id;
  const [place, person] = await Promise.all([
    deps.lastDigests.get('place', placeId),
    deps.lastDigests.get('person', turn.actor.id),
  ]);
  const tell = async (decision: Exclude<DigestNowDecision, { kind: 'compute' }>) => {
    await turn.say(digestNowNotice(decision, now));
    if (decision.kind === 'reuse') await turn.say(decision.message);
  };
  // Someone else (or the same person on another instance) claimed it first: what is stored now decides.
  const raced = (stored: { place?: LastDigest; person?: LastDigest }) => {
    const again = decideDigestNow(stored.place, stored.person, key, now);
    return tell(again.kind === 'compute' ? { kind: 'in-progress' } : again);
  };
  const decision = decideDigestNow(place?.value, person?.value, key, now);
  if (decision.kind !== 'compute') return tell(decision);

  const at = now.toISOString();
  const mine = await deps.lastDigests.write('person', turn.actor.id, (p) => ({ ...p, at }), {
    ...(person ? { from: person } : {}),
    retry: false,
  });
  if (mine.status !== 'applied') return raced({ person: storedAfter(mine) });
  const claim = await deps.lastDigests.write('place', placeId, (p) => ({ ...p, computingSince: at }), {
    ...(place ? { from: place } : {}),
    retry: false,
  });
  if (claim.status !== 'applied') return raced({ place: storedAfter(claim) });
  const message = await deps.source.compose(period, filter).catch(async (error: unknown) => {
    // Not put together: the place and the person may ask again at once (best effort, over our own versions).
    await deps.lastDigests
      .write('place', placeId, () => place?.value ?? {}, { from: claim.saved, retry: false })
      .catch(() => undefined);
    await deps.lastDigests
      .write('person', turn.actor.id, () => person?.value ?? {}, { from: mine.saved, retry: false })
      .catch(() => undefined);
    throw error;
  });
  await turn.say(message);
  await deps.lastDigests
    .write('place', placeId, () => ({ at, key, message }), { from: claim.saved, retry: false })
    .catch(() => undefined);
}
