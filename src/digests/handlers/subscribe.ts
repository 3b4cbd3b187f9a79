import type { Turn } from '../../bot/turn.js';
import { findDirectorate } from '../../champions/domain/find-directorate.js';
import { formatUkDate } from '../../champions/domain/format-uk-date.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import { existing } from '../../storage/versioned.js';
import type { DigestDeps } from '../digest-deps.js';
import { DIGEST_JOB, nextDigestWork } from '../domain/digest-work.js';
import type { SubscribeRequest } from '../domain/parse-subscribe.js';
import type { DigestSubscription } from '../domain/subscription.js';

/** The channel a command was typed in (routes that use this run in a team channel only). */
function channelOf(turn: Turn): { channelId: string; reference: NonNullable<Turn['channelReference']> } {
  return {
    channelId: turn.conversation.channelId ?? turn.conversation.id,
    reference: turn.channelReference ?? turn.reference,
  };
}

/** A channel subscribed to the digest (a place routes can require). */
export function isSubscribedChannel(deps: Pick<DigestDeps, 'subscriptions'>) {
  return async (turn: Turn): Promise<boolean> => {
    const channelId = turn.conversation.channelId;
    return channelId !== undefined && (await deps.subscriptions.get(channelId))?.status === 'active';
  };
}

/** `subscribe digest monthly [for Finance]` in a team channel (PPI team). */
export async function subscribe(
  turn: Turn,
  deps: DigestDeps,
  request: Extract<SubscribeRequest, { ok: true }>,
): Promise<void> {
  const channel = channelOf(turn);
  let directorate: DigestSubscription['directorate'];
  if (request.directorateText) {
    const found = findDirectorate(await deps.directorates.list(), request.directorateText);
    if (!found) {
      await turn.say(
        `I don't know the directorate “${maskPersonalData(request.directorateText.slice(0, 80))}”. Type **directorates** to see the list.`,
      );
      return;
    }
    directorate = { id: found.id, label: found.label };
  }
  const now = deps.now();
  const subscription: DigestSubscription = {
    channelId: channel.channelId,
    reference: channel.reference,
    ...(turn.conversation.teamName ? { teamName: turn.conversation.teamName } : {}),
    cadence: request.cadence,
    ...(directorate ? { directorate } : {}),
    subscribedBy: { id: turn.actor.id, name: turn.actor.name },
    subscribedAt: now.toISOString(),
    status: 'active',
    updatedAt: now.toISOString(),
  };
  const work = nextDigestWork(subscription, now, deps.workingHours);
  await deps.dueIndex.schedule(DIGEST_JOB, work);
  await deps.subscriptions.write(channel.channelId, () => subscription);
  turn.log.info({ cadence: request.cadence, directorate: directorate?.id }, 'channel subscribed to digests');
  await turn.say(
    `This channel will get a ${request.cadence} “You said, we did” digest (${directorate?.label ?? 'all directorates'}), posted on the first working day after each period. The first is due ${formatUkDate(new Date(work.dueAt))}. Type **@PPI Partner digest now** to see one today, or **unsubscribe digest** to stop.`,
  );
}

/** `unsubscribe digest` in the channel (PPI team). */
export async function unsubscribe(turn: Turn, deps: DigestDeps): Promise<void> {
  const at = deps.now().toISOString();
  const write = await deps.subscriptions.write(
    channelOf(turn).channelId,
    existing((c) => (c.status === 'active' ? { ...c, status: 'stopped', updatedAt: at } : undefined)),
  );
  await turn.say(
    write.status === 'applied'
      ? 'This channel will no longer get the digest.'
      : "This channel isn't subscribed to the digest, so there was nothing to stop.",
  );
}
