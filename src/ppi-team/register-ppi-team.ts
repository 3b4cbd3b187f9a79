import type { BotRouter } from '../bot/router.js';
import type { Turn } from '../bot/turn.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { PpiRoles } from './ppi-roles.js';
import type { PpiTeamStore } from './ppi-team-store.js';

export interface PpiTeamDeps {
  readonly store: PpiTeamStore;
  readonly roles: PpiRoles;
  readonly now: () => Date;
  readonly topics: HelpTopics;
}

export const NOT_PPI_ADMIN =
  'Sorry, only PPI team administrators (set in the bot’s configuration, PPI_ADMIN_IDS) can change who is on the PPI team.';
export const NOT_PPI_TEAM = 'Sorry, only members of the PPI team can do that. Ask a PPI team admin to add you.';

async function refuseUnlessPpiTeam(turn: Turn, roles: PpiRoles): Promise<boolean> {
  if (await roles.isPpiTeam(turn.actor.id)) return false;
  await turn.say(NOT_PPI_TEAM);
  return true;
}

/** PPI team set-up in Teams: choose its channel and manage who is on the team. */
export function registerPpiTeam(router: BotRouter, deps: PpiTeamDeps): void {
  deps.topics.add({
    heading: 'PPI team (in your team channel)',
    commands: [
      { command: 'set PPI team channel', description: 'Send new requests for assessment to this channel.' },
      { command: 'add PPI team member @person', description: 'Let someone assess requests (administrators).' },
      { command: 'remove PPI team member @person', description: 'Stop someone assessing requests (administrators).' },
      { command: 'PPI team', description: 'List the PPI team.' },
    ],
  });

  router.command(/^set (the )?ppi( team)? channel$/i, async (turn) => {
    if (await refuseUnlessPpiTeam(turn, deps.roles)) return;
    const { teamId, channelId } = turn.conversation;
    if (turn.conversation.kind !== 'channel' || !teamId || !channelId || !turn.channelReference) {
      await turn.say(
        'Please do this in the PPI team’s channel: add me to the team, then @mention me there with **set PPI team channel**.',
      );
      return;
    }
    await deps.store.setChannel({
      reference: turn.channelReference,
      teamId,
      channelId,
      setBy: { id: turn.actor.id, name: turn.actor.name },
      setAt: deps.now().toISOString(),
    });
    turn.log.info({ teamId, channelId }, 'PPI team channel set');
    await turn.say('Done: new Patient Involvement Requests will be posted here for assessment.');
  });

  router.command(/^(add|remove) ppi team members? /i, async (turn, match) => {
    if (!deps.roles.isAdmin(turn.actor.id)) {
      await turn.say(NOT_PPI_ADMIN);
      return;
    }
    if (turn.mentions.length === 0) {
      await turn.say('Please @mention the person, for example **add PPI team member @Sam Jones**.');
      return;
    }
    const adding = match[1]?.toLowerCase() === 'add';
    const done: string[] = [];
    for (const mention of turn.mentions.slice(0, 20)) {
      const person = mention.channelUserId ? await turn.lookupMember(mention.channelUserId) : undefined;
      if (!person) {
        await turn.say(`I couldn't find ${mention.name} in this conversation, so nothing changed for them.`);
        continue;
      }
      await deps.store.putMember({
        id: person.id,
        name: person.name,
        addedBy: turn.actor.id,
        addedAt: deps.now().toISOString(),
        active: adding,
      });
      done.push(person.name);
    }
    if (done.length > 0) {
      await turn.say(
        adding ? `Added to the PPI team: ${done.join(', ')}.` : `Removed from the PPI team: ${done.join(', ')}.`,
      );
    }
  });

  router.command(/^(list )?(the )?ppi team( members)?$/i, async (turn) => {
    if (await refuseUnlessPpiTeam(turn, deps.roles)) return;
    const members = (await deps.store.listMembers()).filter((m) => m.active);
    const channel = await deps.store.getChannel();
    const names = members.length > 0 ? members.map((m) => m.name).join(', ') : 'nobody added yet';
    await turn.say(
      `PPI team members added in Teams: ${names}. Administrators from configuration can always act. Channel: ${channel ? 'set' : 'not set yet — use **set PPI team channel** in the team’s channel'}.`,
    );
  });
}
