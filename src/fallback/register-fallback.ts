import { botText, md } from '../bot/card-text.js';
import type { BotRouter } from '../bot/router.js';
import type { Turn } from '../bot/turn.js';
import { buildNoticeCard } from '../cards/notice-card.js';
import { HelpVerb } from '../help/help-verbs.js';

export const NOT_UNDERSTOOD = "Sorry, I didn't understand that. Type **help** to see what I can do.";
export const STALE_BUTTON =
  'That button is no longer available (the card may be out of date). Type **help** to see what I can do now.';
const TOO_LONG = 'That message is too long for a command. Type **help** to see what I can do.';
export const OLD_SUBMIT = 'That card is out of date, so nothing was changed. Type **help** to start again.';

const showHelp = { title: 'What can I do?', verb: HelpVerb.show, data: { view: 'for-you' } };

/** "Did you mean **new request**?", with a button that runs it (as if typed) and one for help. */
async function suggest(turn: Turn, command: string): Promise<void> {
  const card = buildNoticeCard({
    text: md`Did you mean **${command}**?`,
    buttons: [{ title: `Yes: ${command}`, verb: HelpVerb.run, data: { command } }, showHelp],
  });
  await turn.say({ card, summary: `Did you mean ${command}?` });
}

/**
 * The last route: a friendly pointer to help for anything no feature matched (the router has already forgiven case,
 * punctuation and polite words, and found any command a small typo may mean). Register it last.
 */
export function registerFallback(router: BotRouter): void {
  router.fallback({
    async message(turn, suggestion) {
      if (turn.conversation.kind !== 'personal' && turn.text === '') return;
      if (turn.text === '') {
        await turn.say(OLD_SUBMIT);
        return;
      }
      if (suggestion) return suggest(turn, suggestion);
      if (turn.text.length > 500) {
        await turn.say(TOO_LONG);
        return;
      }
      const card = buildNoticeCard({ text: botText(NOT_UNDERSTOOD), buttons: [showHelp] });
      await turn.say({ card, summary: "Sorry, I didn't understand that." });
    },
    async cardAction() {
      return buildNoticeCard({ text: botText(STALE_BUTTON), buttons: [showHelp] });
    },
  });
}
