import type { Turn } from '../../bot/turn.js';
import type { PpiChannel } from './ppi-team.js';

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
export function channelMoveDetail(chosen: PpiChannel, previous: PpiChannel | undefined): string {
  const was = previous?.channelId;
  return `team ${chosen.teamId}, channel ${chosen.channelId}${was ? ` (was ${was})` : ''}`;
}
