import { botText } from '../bot/card-text.js';
import { answer, type BotRouter } from '../bot/router.js';
import type { DigestsDeps } from './digests-deps.js';
import { parseSubscribe } from './domain/parse-subscribe.js';
import { digestNow } from './handlers/digest-now.js';
import { isSubscribedChannel, subscribe, unsubscribe } from './handlers/subscribe.js';

/** "You said, we did" digests to team channels: subscribe, unsubscribe, digest now. Posting is the `digests` job. */
export function registerDigests(router: BotRouter, deps: DigestsDeps): void {
  deps.topics.add({
    heading: 'Digests for managers',
    commands: [
      {
        command: 'subscribe digest monthly [for Finance]',
        description: 'PPI team, in a channel: weekly, monthly, quarterly or six-monthly.',
      },
      {
        command: 'digest now',
        description: 'In a subscribed channel: this period’s digest so far (a fresh one every five minutes at most).',
      },
      { command: 'unsubscribe digest', description: 'PPI team: stop the channel’s digest.' },
    ],
  });
  router.place('subscribed-channel', isSubscribedChannel(deps));
  router.command(
    {
      name: 'subscribe digest …',
      pattern: /^subscribe (to )?(the )?digests?\b(.*)$/i,
      who: 'ppi-team',
      where: 'channel',
      data: (m) => {
        const request = parseSubscribe(m[3] ?? '');
        return request.ok ? request : answer(botText(request.problem));
      },
    },
    (turn, request) => subscribe(turn, deps, request),
  );
  router.command(
    {
      name: 'unsubscribe digest',
      pattern: /^unsubscribe (from )?(the )?digests?$/i,
      who: 'ppi-team',
      where: 'channel',
      phrases: ['unsubscribe digest'],
      careful: true,
    },
    (turn) => unsubscribe(turn, deps),
  );
  router.command(
    {
      name: 'digest now',
      pattern: /^(digest now|(show )?(the |this month'?s )?digest)$/i,
      phrases: ['digest now', 'show digest', 'latest digest'],
      allow: [
        { who: 'ppi-team', where: 'anywhere' },
        { who: 'anyone', where: 'subscribed-channel' },
      ],
    },
    (turn) => digestNow(turn, deps),
  );
}
