import { botText } from '../bot/card-text.js';
import type { BotRouter } from '../bot/router.js';
import { buildNoticeCard } from '../cards/notice-card.js';

export const NOT_UNDERSTOOD = "Sorry, I didn't understand that. Type **help** to see what I can do.";
export const STALE_BUTTON =
  'That button is no longer available (the card may be out of date). Type **help** to see what I can do now.';
const TOO_LONG = 'That message is too long for a command. Type **help** to see what I can do.';
export const OLD_SUBMIT = 'That card is out of date, so nothing was changed. Type **help** to start again.';

/** The last route: a friendly pointer to help for anything no feature matched. Register it last. */
export function registerFallback(router: BotRouter): void {
  router.fallback({
    async message(turn) {
      if (turn.conversation.kind !== 'personal' && turn.text === '') return;
      if (turn.text === '') {
        await turn.say(OLD_SUBMIT);
        return;
      }
      await turn.say(turn.text.length > 500 ? TOO_LONG : NOT_UNDERSTOOD);
    },
    async cardAction() {
      return buildNoticeCard({ text: botText(STALE_BUTTON) });
    },
  });
}
