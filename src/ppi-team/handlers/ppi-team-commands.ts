import type { Turn } from '../../bot/turn.js';
import { PPI_TEAM_AUDIT, type PpiTeamDeps } from '../ppi-team-deps.js';

function audit(turn: Turn, deps: PpiTeamDeps, action: string, detail: string) {
  const by = { id: turn.actor.id, name: turn.actor.name };
  return deps.audit.append(PPI_TEAM_AUDIT, { at: deps.now().toISOString(), actor: by, action, detail });
}

/** `set PPI team channel` (a PPI admin, in the PPI team's channel): new requests are posted there. Audited. */
export async function setPpiChannel(turn: Turn, deps: PpiTeamDeps): Promise<void> {
  const { teamId = '', channelId = '' } = turn.conversation;
  const set = await deps.store.setChannel({
    reference: turn.channelReference ?? turn.reference,
    teamId,
    channelId,
    setBy: { id: turn.actor.id, name: turn.actor.name },
    setAt: deps.now().toISOString(),
  });
  const was = set.status === 'applied' ? set.previous?.value.channelId : undefined;
  await audit(turn, deps, 'PPI team channel set', `team ${teamId}, channel ${channelId}${was ? ` (was ${was})` : ''}`);
  turn.log.info({ teamId, channelId }, 'PPI team channel set');
  await turn.say('Done: new Patient Involvement Requests will be posted here for assessment.');
}

/** `add PPI team member @person` / `remove PPI team member @person` (a PPI admin). Audited. */
export async function changeMembers(turn: Turn, deps: PpiTeamDeps, adding: boolean): Promise<void> {
  if (turn.mentions.length === 0) {
    await turn.say('Please @mention the person, for example **add PPI team member @Sam Jones**.');
    return;
  }
  const done: string[] = [];
  for (const mention of turn.mentions.slice(0, 20)) {
    const person = mention.channelUserId ? await turn.lookupMember(mention.channelUserId) : undefined;
    if (!person) {
      await turn.say(`I couldn't find ${mention.name} in this conversation, so nothing changed for them.`);
      continue;
    }
    const at = deps.now().toISOString();
    await deps.store.putMember({
      id: person.id,
      name: person.name,
      addedBy: turn.actor.id,
      addedAt: at,
      active: adding,
    });
    await audit(
      turn,
      deps,
      adding ? 'PPI team member added' : 'PPI team member removed',
      `${person.name} (${person.id})`,
    );
    done.push(person.name);
  }
  if (done.length === 0) return;
  await turn.say(
    adding ? `Added to the PPI team: ${done.join(', ')}.` : `Removed from the PPI team: ${done.join(', ')}.`,
  );
}

/** `PPI team` (the PPI team): who is on it, and whether its channel is set. */
export async function listPpiTeam(turn: Turn, deps: PpiTeamDeps): Promise<void> {
  const members = (await deps.store.listMembers()).filter((m) => m.active);
  const channel = await deps.store.getChannel();
  const names = members.length > 0 ? members.map((m) => m.name).join(', ') : 'nobody added yet';
  await turn.say(
    `PPI team members added in Teams: ${names}. Administrators from configuration can always act. Channel: ${channel ? 'set' : 'not set yet — a PPI admin uses **set PPI team channel** in the team’s channel'}.`,
  );
}
