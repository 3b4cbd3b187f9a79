import { md } from '../../bot/card-text.js';
import type { Actor, Turn } from '../../bot/turn.js';
import { channelChosen, channelMoveDetail } from '../domain/chosen-channel.js';
import { PPI_TEAM_AUDIT, type PpiTeamDeps } from '../ppi-team-deps.js';

function audit(turn: Turn, deps: PpiTeamDeps, action: string, detail: string) {
  const by = { id: turn.actor.id, name: turn.actor.name };
  return deps.audit.append(PPI_TEAM_AUDIT, { at: deps.now().toISOString(), actor: by, action, detail });
}

/** `set PPI team channel` (a PPI admin, in the PPI team's channel): new requests are posted there. Audited. */
export async function setPpiChannel(turn: Turn, deps: PpiTeamDeps): Promise<void> {
  const chosen = channelChosen(turn, deps.now());
  const set = await deps.store.setChannel(chosen);
  await audit(
    turn,
    deps,
    'PPI team channel set',
    channelMoveDetail(chosen, set.status === 'applied' ? set.previous?.value : undefined),
  );
  turn.log.info({ teamId: chosen.teamId, channelId: chosen.channelId }, 'PPI team channel set');
  deps.channelSet();
  await turn.say(
    'Done: new Patient Involvement Requests will be posted here for assessment, and any submitted while no channel was set are on their way.',
  );
}

/** Adds or removes one person named in the conversation; undefined when they are not in it. */
async function changeMember(turn: Turn, deps: PpiTeamDeps, mention: Actor, adding: boolean) {
  const person = mention.channelUserId ? await turn.lookupMember(mention.channelUserId) : undefined;
  if (!person) return undefined;
  const at = deps.now().toISOString();
  await deps.store.putMember({ id: person.id, name: person.name, addedBy: turn.actor.id, addedAt: at, active: adding });
  await audit(
    turn,
    deps,
    adding ? 'PPI team member added' : 'PPI team member removed',
    `${person.name} (${person.id})`,
  );
  return person.name;
}

/** `add PPI team member @person` / `remove PPI team member @person` (a PPI admin). Audited. */
export async function changeMembers(turn: Turn, deps: PpiTeamDeps, adding: boolean): Promise<void> {
  if (turn.mentions.length === 0) {
    await turn.say('Please @mention the person, for example **add PPI team member @Sam Jones**.');
    return;
  }
  const done: string[] = [];
  for (const mention of turn.mentions.slice(0, 20)) {
    const name = await changeMember(turn, deps, mention, adding);
    if (name) done.push(name);
    else await turn.say(md`I couldn't find ${mention.name} in this conversation, so nothing changed for them.`);
  }
  if (done.length === 0) return;
  await turn.say(
    adding ? md`Added to the PPI team: ${done.join(', ')}.` : md`Removed from the PPI team: ${done.join(', ')}.`,
  );
}

/** `PPI team` (the PPI team): who is on it, and whether its channel is set. */
export async function listPpiTeam(turn: Turn, deps: PpiTeamDeps): Promise<void> {
  const members = (await deps.store.listMembers()).filter((m) => m.active);
  const channel = await deps.store.getChannel();
  const names = members.length > 0 ? members.map((m) => m.name).join(', ') : 'nobody added yet';
  await turn.say(
    md`PPI team members added in Teams: ${names}. Administrators from configuration can always act. Channel: ${channel ? 'set' : 'not set yet — a PPI admin uses **set PPI team channel** in the team’s channel'}.`,
  );
}
