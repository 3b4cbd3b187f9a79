import type { CardActionResult, Turn } from './turn.js';

export type CommandHandler = (turn: Turn, match: RegExpMatchArray) => Promise<void>;
export type CardActionHandler = (turn: Turn, data: Readonly<Record<string, unknown>>) => Promise<CardActionResult>;
export type TurnHandler = (turn: Turn) => Promise<void>;

/**
 * The seam every feature registers through. The Teams implementation lives in src/teams/; a move to the
 * Microsoft 365 Agents SDK replaces that folder only. Routes match in registration order; fallback is last.
 */
export interface BotRouter {
  /** A typed command; `pattern` is tested against the message text with the bot mention removed. */
  command(pattern: RegExp, handler: CommandHandler): void;
  /** An Adaptive Card Action.Execute verb. `data` is untrusted: validate it. */
  cardAction(verb: string, handler: CardActionHandler): void;
  /** The bot was added to a personal chat, a team or a group chat. */
  installed(handler: TurnHandler): void;
  uninstalled(handler: TurnHandler): void;
  /** Anything not matched by another route. Register once, last. */
  fallback(handlers: { message: TurnHandler; cardAction: CardActionHandler }): void;
}
