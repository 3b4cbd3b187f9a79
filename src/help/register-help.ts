import { md } from '../bot/card-text.js';
import type { BotRouter, CardData } from '../bot/router.js';
import { buildNoticeCard } from '../cards/notice-card.js';
import { type HelpView, isHelpView } from './domain/help-view.js';
import { helpCard } from './handlers/help-view.js';
import type { HelpDeps } from './help-deps.js';
import { HelpVerb } from './help-verbs.js';

export const HELP_PATTERN =
  /^(help|\?|menu|options|what can you do\??|what can i do( here)?\??|commands|hi|hello|hey|get started|start)$/i;

/** A help button's data: the view to show (the short list when missing or unknown). */
function readView(raw: CardData): { readonly view: HelpView } {
  return { view: isHelpView(raw.view) ? raw.view : 'for-you' };
}

/** A button that runs a command: the command's words (a command is short), and the view to keep if it was on help. */
function readRun(raw: CardData): { readonly command: string; readonly view?: HelpView } | undefined {
  const command = typeof raw.command === 'string' ? raw.command.replace(/\s+/g, ' ').trim() : '';
  if (command === '' || command.length > 100) return undefined;
  return { command, ...(isHelpView(raw.view) ? { view: raw.view } : {}) };
}

/** `help` (role-aware), the welcome's role buttons, and buttons that run a command and keep help in place. */
export function registerHelp(router: BotRouter, deps: HelpDeps): void {
  const everyone = { who: 'anyone', where: 'anywhere' } as const;
  router.command(
    { ...everyone, name: 'help', pattern: HELP_PATTERN, phrases: ['help', 'help me', 'what can you do', 'show me'] },
    async (turn) => {
      await turn.say({ card: await helpCard(turn, router, deps, 'for-you'), summary: 'What I can do' });
    },
  );
  router.cardAction({ ...everyone, verb: HelpVerb.show, data: readView }, (turn, { view }) =>
    helpCard(turn, router, deps, view),
  );
  router.cardAction({ ...everyone, verb: HelpVerb.run, data: readRun }, async (turn, { command, view }) => {
    const ran = await router.runCommandText(turn, command);
    if (view) return helpCard(turn, router, deps, view);
    return buildNoticeCard({
      text: ran
        ? md`You chose **${command}**.`
        : md`I don't know **${command}** any more. Type **help** to see what I can do.`,
    });
  });
}
