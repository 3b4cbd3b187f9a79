import type { Turn } from '../../bot/turn.js';
import { computeNextDue } from '../../calendar/due-date.js';
import type { PpiTeamStore } from '../../ppi-team/ppi-team-store.js';
import type { ChampionDeps } from '../champion-deps.js';
import { formatUkDate } from '../domain/format-uk-date.js';
import { catchUpWork, NUDGE_JOB } from '../domain/nudge-work.js';
import { composeCatchUp } from '../nudges/catch-up-delivery.js';

/** The champions' channel is the one `set champions channel` chose (a place routes can require). */
export function isChampionsChannel(ppiTeam: Pick<PpiTeamStore, 'getChampionsChannel'>) {
  return async (turn: Turn): Promise<boolean> => {
    const channel = await ppiTeam.getChampionsChannel();
    return channel !== undefined && channel.channelId === turn.conversation.channelId;
  };
}

/**
 * `set champions channel` (a PPI admin, in the champions' team channel): a catch-up card with the last six weeks'
 * highlights is posted there every cadence, starting one cadence from now. Audited.
 */
export async function setChampionsChannel(turn: Turn, deps: ChampionDeps): Promise<void> {
  const { teamId = '', channelId = '' } = turn.conversation;
  const now = deps.now();
  const nextCatchUpAt = computeNextDue(now, deps.settings.cadenceDays, deps.settings.workingHours).toISOString();
  await deps.dueIndex.schedule(NUDGE_JOB, catchUpWork(nextCatchUpAt));
  const by = { id: turn.actor.id, name: turn.actor.name };
  const reference = turn.channelReference ?? turn.reference;
  const set = await deps.ppiTeam.setChampionsChannel({
    reference,
    teamId,
    channelId,
    setBy: by,
    setAt: now.toISOString(),
    nextCatchUpAt,
  });
  const was = set.status === 'applied' ? set.previous?.value.channelId : undefined;
  await deps.audit.append('ppi-team', {
    at: now.toISOString(),
    actor: by,
    action: 'Champions’ channel set',
    detail: `team ${teamId}, channel ${channelId}${was ? ` (was channel ${was})` : ''}`,
  });
  await turn.say(
    `Done: every six weeks I'll post the champions' catch-up here, with what patients shaped. The first is due ${formatUkDate(new Date(nextCatchUpAt))}. Type **catch-up now** to see one today.`,
  );
}

/** `catch-up now`: the catch-up card for the six weeks to today, in reply (PPI team, or in the champions' channel). */
export async function catchUpNow(turn: Turn, deps: ChampionDeps): Promise<void> {
  await turn.say({ card: await composeCatchUp(deps, deps.now()), summary: 'Champions’ catch-up' });
}
