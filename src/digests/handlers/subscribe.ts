import type { Turn } from '../../bot/turn.js';
import { findDirectorate } from '../../champions/domain/find-directorate.js';
import { formatUkDate } from '../../champions/domain/format-uk-date.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import { existing } from '../../storage/versioned.js';
import type { DigestDeps } from '../digest-deps.js';
import { DIGEST_JOB, nextDigestWork } from '../domain/digest-work.js';
import { parseSubscribe } from '../domain/parse-subscribe.js';
import type { DigestSubscription } from '../domain/subscription.js';

const IN_A_CHANNEL =
  'Please do this in the team channel that should get the digest: **@PPI Partner subscribe digest monthly**.';
const NOT_PPI_TEAM = 'Sorry, only members of the PPI team can subscribe or unsubscribe a channel.';

/** The channel a command was typed in, when it was typed in a team channel. */
export function channelOf(
  turn: Turn,
): { channelId: string; reference: NonNullable<Turn['channelReference']> } | undefined {
  const channelId = turn.conversation.channelId;
  if (turn.conversation.kind !== 'channel' || !channelId || !turn.channelReference) return undefined;
  return { channelId, reference: turn.channelReference };
}

/** `subscribe digest monthly [for Finance]` in a team channel (PPI team). */
export async function subscribe(turn: Turn, deps: DigestDeps, text: string): Promise<void> {
  const channel = channelOf(turn);
  if (!channel) return void (await turn.say(IN_A_CHANNEL));
  if (!(await deps.roles.isPpiTeam(turn.actor.id))) return void (await turn.say(NOT_PPI_TEAM));
  const request = parseSubscribe(text);
  if (!request.ok) return void (await turn.say(request.problem));
  let directorate: DigestSubscription['directorate'];
  if (request.directorateText) {
    const found = findDirectorate(await deps.directorates.list(), request.directorateText);
    if (!found) {
      return void (await turn.say(
        `I don't know the directorate “${maskPersonalData(request.directorateText.slice(0, 80))}”. Type **directorates** to see the list.`,
      ));
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
  const channel = channelOf(turn);
  if (!channel) return void (await turn.say(IN_A_CHANNEL));
  if (!(await deps.roles.isPpiTeam(turn.actor.id))) return void (await turn.say(NOT_PPI_TEAM));
  const write = await deps.subscriptions.write(
    channel.channelId,
    existing((c) =>
      c.status === 'active' ? { ...c, status: 'stopped', updatedAt: deps.now().toISOString() } : undefined,
    ),
  );
  await turn.say(
    write.status === 'applied'
      ? 'This channel will no longer get the digest.'
      : "This channel isn't subscribed to the digest, so there was nothing to stop.",
  );
}
