import type { BotRouter } from '../bot/router.js';
import { changeMembers, listPpiTeam, setPpiChannel } from './handlers/ppi-team-commands.js';
import type { PpiTeamDeps } from './ppi-team-deps.js';

/** PPI team set-up in Teams: choose its channel (admins) and manage who is on the team (admins). */
export function registerPpiTeam(router: BotRouter, deps: PpiTeamDeps): void {
  deps.topics.add({
    heading: 'PPI team (in your team channel)',
    commands: [
      {
        command: 'set PPI team channel',
        description: 'Send new requests for assessment to this channel (administrators).',
      },
      { command: 'add PPI team member @person', description: 'Let someone assess requests (administrators).' },
      { command: 'remove PPI team member @person', description: 'Stop someone assessing requests (administrators).' },
      { command: 'PPI team', description: 'List the PPI team.' },
    ],
  });
  router.command(
    { name: 'set PPI team channel', pattern: /^set (the )?ppi( team)? channel$/i, who: 'ppi-admin', where: 'channel' },
    (turn) => setPpiChannel(turn, deps),
  );
  router.command(
    {
      name: 'add / remove PPI team member @…',
      pattern: /^(add|remove) ppi team members? /i,
      who: 'ppi-admin',
      where: 'anywhere',
      data: (m) => m[1]?.toLowerCase() === 'add',
    },
    (turn, adding) => changeMembers(turn, deps, adding),
  );
  deps.topics.addToMenu('ppi-team', { title: 'Who is on the PPI team', command: 'PPI team', rank: 60 });
  router.command(
    {
      name: 'PPI team',
      pattern: /^((list|show)( me)? )?(the )?ppi team( members)?$/i,
      who: 'ppi-team',
      where: 'anywhere',
      phrases: ['PPI team', 'PPI team members', 'who is on the PPI team'],
    },
    (turn) => listPpiTeam(turn, deps),
  );
}
