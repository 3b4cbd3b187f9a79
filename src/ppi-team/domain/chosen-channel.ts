import type { Turn } from '../../bot/turn.js';
import type { Write } from '../../storage/versioned.js';
import type { PpiChannel } from '../store/ppi-team-store.js';

/** The channel a `set … channel` command was typed in (its routes run in a team channel only), set by who typed it. */
export function channelChosen(
  turn: Pick<Turn, 'conversation' | 'channelReference' | 'reference' | 'actor'>,
  now: Date,
) {
  const { teamId = '', channelId = '' } = turn.conversation;
  return {
    reference: turn.channelReference ?? turn.reference,
    teamId,
    channelId,
    setBy: { id: turn.actor.id, name: turn.actor.name },
    setAt: now.toISOString(),
  } satisfies PpiChannel;
}

/** The audit line of a channel move: which team and channel, and the channel it replaced. */
export function channelMoveDetail(set: Write<PpiChannel>, chosen: PpiChannel): string {
  const was = set.status === 'applied' ? set.previous?.value.channelId : undefined;
  return `team ${chosen.teamId}, channel ${chosen.channelId}${was ? ` (was ${was})` : ''}`;
}
