import type { BotRouter } from '../bot/router.js';
import type { DirectoratesDeps } from './directorates-deps.js';
import { addDirectorate, listDirectorates, removeDirectorate } from './handlers/manage-directorates.js';

/** The directorates list (seed 004 Appendix 1 by default), editable by PPI admins. */
export function registerDirectorates(router: BotRouter, deps: DirectoratesDeps): void {
  deps.topics.add({
    heading: 'Directorates',
    commands: [
      { command: 'directorates', description: 'The list champions choose from.' },
      { command: 'add directorate Digital Services / remove directorate …', description: 'PPI admins: change it.' },
    ],
  });
  deps.topics.addToMenu('ppi-team', { title: 'Directorates', command: 'directorates', rank: 70 });
  router.command(
    {
      name: 'directorates',
      pattern: /^((list|show)( me)? )?(the |all )?directorates$/i,
      who: 'anyone',
      where: 'anywhere',
      phrases: ['directorates', 'list directorates', 'directorate list'],
    },
    (turn) => listDirectorates(turn, deps),
  );
  const admin = { who: 'ppi-admin', where: 'anywhere' } as const;
  router.command(
    { ...admin, name: 'add directorate …', pattern: /^add directorate (.+)$/i, data: (m) => m[1] ?? '' },
    (turn, text) => addDirectorate(turn, deps, text),
  );
  router.command(
    {
      ...admin,
      name: 'remove directorate …',
      pattern: /^(remove|retire|delete) directorate (.+)$/i,
      data: (m) => m[2] ?? '',
    },
    (turn, text) => removeDirectorate(turn, deps, text),
  );
}
