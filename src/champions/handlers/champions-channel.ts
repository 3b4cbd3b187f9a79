import type { Turn } from '../../bot/turn.js';
import { computeNextDue } from '../../calendar/due-date.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { channelChosen, channelMoveDetail } from '../../ppi-team/domain/chosen-channel.js';
import { PPI_TEAM_AUDIT } from '../../ppi-team/ppi-team-deps.js';
import type { PpiTeamStore } from '../../ppi-team/store/ppi-team-store.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { cadenceInWords } from '../domain/champion.js';
import { catchUpWork, NUDGE_JOB } from '../domain/nudge-work.js';
import { composeCatchUp } from '../jobs/catch-up-delivery.js';

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
export async function setChampionsChannel(turn: Turn, deps: ChampionsDeps): Promise<void> {
  const now = deps.now();
  const nextCatchUpAt = computeNextDue(now, deps.settings.cadenceDays, deps.settings.workingHours).toISOString();
  await deps.dueIndex.schedule(NUDGE_JOB, catchUpWork(nextCatchUpAt));
  const chosen = { ...channelChosen(turn, now), nextCatchUpAt };
  const set = await deps.ppiTeam.setChampionsChannel(chosen);
  const actor = { id: turn.actor.id, name: turn.actor.name };
  const detail = channelMoveDetail(chosen, set.status === 'applied' ? set.previous?.value : undefined);
  await deps.audit.append(PPI_TEAM_AUDIT, { at: now.toISOString(), actor, action: 'Champions’ channel set', detail });
  await turn.say(
    `Done: every ${cadenceInWords(deps.settings.cadenceDays)} I'll post the champions' catch-up here, with their ideas, challenges and achievements. The first is due ${formatUkDate(new Date(nextCatchUpAt))}. Type **catch-up now** to see one today.`,
  );
}

/** `catch-up now`: the catch-up card for the six weeks to today, in reply (PPI team, or in the champions' channel). */
export async function catchUpNow(turn: Turn, deps: ChampionsDeps): Promise<void> {
  await turn.say({ card: await composeCatchUp(deps, deps.now()), summary: 'Champions’ catch-up' });
}
