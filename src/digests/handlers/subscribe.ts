import { md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import { existing } from '../../storage/versioned.js';
import { findEntry } from '../../trust-lists/domain/find-entry.js';
import type { DigestsDeps } from '../digests-deps.js';
import { DIGEST_JOB, nextDigestWork } from '../domain/digest-work.js';
import type { SubscribeRequest } from '../domain/parse-subscribe.js';
import { newSubscription, stopped } from '../domain/subscription.js';

/** The channel a command was typed in (routes that use this run in a team channel only). */
function channelOf(turn: Turn): { channelId: string; reference: NonNullable<Turn['channelReference']> } {
  return {
    channelId: turn.conversation.channelId ?? turn.conversation.id,
    reference: turn.channelReference ?? turn.reference,
  };
}

/** A channel subscribed to the digest (a place routes can require). */
export function isSubscribedChannel(deps: Pick<DigestsDeps, 'subscriptions'>) {
  return async (turn: Turn): Promise<boolean> => {
    const channelId = turn.conversation.channelId;
    return channelId !== undefined && (await deps.subscriptions.get(channelId))?.status === 'active';
  };
}

/** The directorate a subscription is for (all when none was named), or why the one named is not known. */
async function directorateOf(deps: DigestsDeps, text: string | undefined) {
  if (!text) return { ok: true as const, directorate: undefined };
  const found = findEntry(await deps.directorates.offered(), text);
  if (found) return { ok: true as const, directorate: { id: found.id, label: found.label } };
  const named = maskPersonalData(text.slice(0, 80));
  return {
    ok: false as const,
    problem: md`I don't know the directorate “${named}”. Type **directorates** to see the list.`,
  };
}

/** `subscribe digest monthly [for Finance]` in a team channel (PPI team). */
export async function subscribe(turn: Turn, deps: DigestsDeps, request: Extract<SubscribeRequest, { ok: true }>) {
  const named = await directorateOf(deps, request.directorateText);
  if (!named.ok) {
    await turn.say(named.problem);
    return;
  }
  const { directorate } = named;
  const now = deps.now();
  const channel = { ...channelOf(turn), teamName: turn.conversation.teamName };
  const subscription = newSubscription(channel, { cadence: request.cadence, directorate }, turn.actor, now);
  const work = nextDigestWork(subscription, now, deps.workingHours);
  await deps.dueIndex.schedule(DIGEST_JOB, work);
  await deps.subscriptions.write(subscription.channelId, () => subscription);
  turn.log.info({ cadence: request.cadence, directorate: directorate?.id }, 'channel subscribed to digests');
  await turn.say(
    md`This channel will get a ${request.cadence} “You said, we did” digest (${directorate?.label ?? 'all directorates'}), posted on the first working day after each period. The first is due ${formatUkDate(new Date(work.dueAt))}. Type **@PPI Partner digest now** to see one today, or **unsubscribe digest** to stop.`,
  );
}

/** `unsubscribe digest` in the channel (PPI team). */
export async function unsubscribe(turn: Turn, deps: DigestsDeps): Promise<void> {
  const now = deps.now();
  const write = await deps.subscriptions.write(
    channelOf(turn).channelId,
    existing((c) => stopped(c, now)),
  );
  await turn.say(
    write.status === 'applied'
      ? 'This channel will no longer get the digest.'
      : "This channel isn't subscribed to the digest, so there was nothing to stop.",
  );
}
