import type { BotRouter } from '../bot/router.js';
import type { Turn } from '../bot/turn.js';
import { buildHelpCard } from './cards/help-card.js';
import type { HelpDeps } from './help-deps.js';
import { HelpVerb } from './help-verbs.js';

const FOOTER =
  'In a team channel, @mention me first. Never type patient-identifiable details (NHS numbers, contact details) here.';

export const HELP_PATTERN = /^(help|\?|menu|what can you do\??|commands|hi|hello|hey)$/i;

export function registerHelp(router: BotRouter, deps: HelpDeps): void {
  const card = (turn: Turn) =>
    buildHelpCard({
      sections: deps.topics.list(),
      actions: turn.conversation.kind === 'personal' ? deps.quickActions : [],
      footer: FOOTER,
    });
  const everyone = { who: 'anyone', where: 'anywhere' } as const;
  router.command({ ...everyone, name: 'help', pattern: HELP_PATTERN }, async (turn) => {
    await turn.say({ card: card(turn), summary: 'What I can do' });
  });
  router.cardAction({ ...everyone, verb: HelpVerb.show }, async (turn) => card(turn));
}
