import type { Turn } from '../../bot/turn.js';
import { computeNextDue } from '../../calendar/due-date.js';
import type { ChampionDeps } from '../champion-deps.js';
import { formatUkDate } from '../domain/format-uk-date.js';
import { catchUpWork, NUDGE_JOB } from '../domain/nudge-work.js';
import { composeCatchUp } from '../nudges/catch-up-delivery.js';

/**
 * `set champions channel` (PPI team, in the champions' team channel): a catch-up card with the last six weeks'
 * highlights is posted there every cadence, starting one cadence from now.
 */
export async function setChampionsChannel(turn: Turn, deps: ChampionDeps): Promise<void> {
  if (!(await deps.roles.isPpiTeam(turn.actor.id))) {
    await turn.say('Sorry, only members of the PPI team can choose the champions’ channel.');
    return;
  }
  const { teamId, channelId } = turn.conversation;
  if (turn.conversation.kind !== 'channel' || !teamId || !channelId || !turn.channelReference) {
    await turn.say('Please do this in the champions’ team channel: **@PPI Partner set champions channel**.');
    return;
  }
  const now = deps.now();
  const nextCatchUpAt = computeNextDue(now, deps.settings.cadenceDays, deps.settings.workingHours).toISOString();
  await deps.dueIndex.schedule(NUDGE_JOB, catchUpWork(nextCatchUpAt));
  await deps.ppiTeam.setChampionsChannel({
    reference: turn.channelReference,
    teamId,
    channelId,
    setBy: { id: turn.actor.id, name: turn.actor.name },
    setAt: now.toISOString(),
    nextCatchUpAt,
  });
  await turn.say(
    `Done: every six weeks I'll post the champions' catch-up here, with what patients shaped. The first is due ${formatUkDate(new Date(nextCatchUpAt))}. Type **catch-up now** to see one today.`,
  );
}

/** `catch-up now`: the catch-up card for the six weeks to today, in reply (PPI team or a champion). */
export async function catchUpNow(turn: Turn, deps: ChampionDeps): Promise<void> {
  const allowed =
    (await deps.roles.isPpiTeam(turn.actor.id)) || (await deps.champions.get(turn.actor.id)) !== undefined;
  if (!allowed) {
    await turn.say('Sorry, the catch-up is for partnership champions and the PPI team.');
    return;
  }
  await turn.say({ card: await composeCatchUp(deps, deps.now()), summary: 'Champions’ catch-up' });
}
