import type { BotRouter } from '../bot/router.js';
import type { HelpTopics } from '../help/help-topics.js';
import {
  addDirectorate,
  type DirectorateDeps,
  listDirectorates,
  removeDirectorate,
} from './handlers/manage-directorates.js';

/** The directorates list (seed 004 Appendix 1 by default), editable by PPI admins. */
export function registerDirectorates(router: BotRouter, deps: DirectorateDeps & { topics: HelpTopics }): void {
  deps.topics.add({
    heading: 'Directorates',
    commands: [
      { command: 'directorates', description: 'The list champions choose from.' },
      { command: 'add directorate Digital Services / remove directorate …', description: 'PPI admins: change it.' },
    ],
  });
  router.command(/^(list )?(the )?directorates$/i, (turn) => listDirectorates(turn, deps));
  router.command(/^add directorate (.+)$/i, (turn, m) => addDirectorate(turn, deps, m[1] ?? ''));
  router.command(/^(remove|retire|delete) directorate (.+)$/i, (turn, m) => removeDirectorate(turn, deps, m[2] ?? ''));
}
