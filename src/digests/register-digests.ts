import type { BotRouter } from '../bot/router.js';
import type { DigestDeps } from './digest-deps.js';
import { digestNow } from './handlers/digest-now.js';
import { subscribe, unsubscribe } from './handlers/subscribe.js';

/** "You said, we did" digests to team channels: subscribe, unsubscribe, digest now. Posting is the `digests` job. */
export function registerDigests(router: BotRouter, deps: DigestDeps): void {
  deps.topics.add({
    heading: 'Digests for managers',
    commands: [
      {
        command: 'subscribe digest monthly [for Finance]',
        description: 'PPI team, in a channel: weekly, monthly, quarterly or six-monthly.',
      },
      { command: 'digest now', description: 'In a channel: this period’s digest so far.' },
      { command: 'unsubscribe digest', description: 'PPI team: stop the channel’s digest.' },
    ],
  });
  router.command(/^subscribe (to )?(the )?digests?\b(.*)$/i, (turn, m) => subscribe(turn, deps, m[3] ?? ''));
  router.command(/^unsubscribe (from )?(the )?digests?$/i, (turn) => unsubscribe(turn, deps));
  router.command(/^digest now$/i, (turn) => digestNow(turn, deps));
}
