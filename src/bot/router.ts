import type { Access, Holders, NormalGrant, PlaceCheck, StoredPlace } from './access.js';
import type { CardText } from './card-text.js';
import type { AdaptiveCard, Turn } from './turn.js';

/** Card button data as the client sent it: untrusted. */
export type CardData = Readonly<Record<string, unknown>>;

/** What a route says instead of running its handler: a sentence (markdown the bot wrote, values escaped) or a card. */
export type RouteMessage = CardText | { readonly card: AdaptiveCard; readonly summary?: string };

/** An early answer from a route's parser or loader (not found, a usage hint): the handler is not run. */
export class Answer {
  constructor(readonly message: RouteMessage) {}
}

export function answer(message: RouteMessage): Answer {
  return new Answer(message);
}

interface Loading<D, I> {
  /** Finds the item the route acts on; may answer instead (e.g. "I couldn't find that request"). */
  readonly load?: (turn: Turn, data: D) => Promise<I | Answer>;
  /** Who the item belongs to: needed when `who` names `lead`, `champion` or `champion-or-deputy`. */
  readonly holders?: (item: I) => Holders;
  /**
   * How a refusal looks once the item is loaded: e.g. the item's own card with the sentence as its notice, or a
   * plain "not found" where even the item's existence is private. Default: the sentence.
   */
  readonly whenRefused?: (sentence: CardText, item: I, data: D) => RouteMessage;
}

/** A typed command: who may use it, where, and how its text is read. */
export type CommandRoute<D, I> = Access &
  Loading<D, I> & {
    /** The command as people type it (`status PIR-2026-0042`): the policy table and logs use it. */
    readonly name: string;
    /** Tested against the message text with the bot mention removed. */
    readonly pattern: RegExp;
    /** Typed data from the match, or a usage answer. Default: the match itself. */
    readonly data?: (match: RegExpMatchArray, turn: Turn) => D | Answer;
    /**
     * Plain words people use for it, for forgiving matching (src/bot/forgiving-match.ts): the same words run it, a
     * small typo is answered "Did you mean …?". The first is what that button runs: it must match `pattern`.
     */
    readonly phrases?: readonly string[];
    /** Removes or changes what others rely on: never suggested for a near miss, only run when typed. */
    readonly careful?: boolean;
  };

/**
 * A card button's verb (sent as Action.Execute or Action.Submit: src/bot/card-submit.ts): who may use it, where, and
 * a parser for its card data.
 */
export type CardRoute<D, I> = Access &
  Loading<D, I> & {
    readonly verb: string;
    /** Typed data from the untrusted card data; undefined is an out-of-date or forged card. Default: as sent. */
    readonly data?: (raw: CardData) => D | undefined;
    /** The card for a plain sentence on this route (refusals, out-of-date data, answers): default a notice card. */
    readonly notice?: (text: CardText) => AdaptiveCard;
  };

/**
 * What a card button got: the route handler's card, or the router's own answer instead (a refusal, an out-of-date
 * or forged card, not found), with its sentence when it has one. Either replaces the clicked card, except that an
 * Action.Submit in a shared conversation gets the router's answer as a new message (src/teams/teams-router.ts).
 */
export type CardReply =
  | { readonly card: AdaptiveCard; readonly from: 'handler' }
  | { readonly card: AdaptiveCard; readonly from: 'router'; readonly sentence?: CardText | undefined };

export type CommandHandler<D, I> = (turn: Turn, data: D, item: I) => Promise<void>;
/** Answers with the card that replaces the clicked one. */
export type CardHandler<D, I> = (turn: Turn, data: D, item: I) => Promise<AdaptiveCard>;
export type TurnHandler = (turn: Turn) => Promise<void>;

/** One row of the policy table: a route and one grant (a route with several grants has several rows). */
export interface RoutePolicy {
  readonly route: string;
  readonly kind: 'command' | 'card' | 'event';
  readonly grants: readonly NormalGrant[];
}

/**
 * The seam every feature registers through. The Teams implementation lives in src/teams/; a move to the
 * Microsoft 365 Agents SDK replaces that folder only. Routes match in registration order; fallback is last.
 * Every route declares who may use it and where; refusals come from src/bot/refusals.ts.
 */
export interface BotRouter {
  command<D = RegExpMatchArray, I = undefined>(route: CommandRoute<D, I>, handler: CommandHandler<D, I>): void;
  cardAction<D = CardData, I = undefined>(route: CardRoute<D, I>, handler: CardHandler<D, I>): void;
  /** The bot was added to a personal chat, a team or a group chat (anyone, anywhere). */
  installed(handler: TurnHandler): void;
  uninstalled(handler: TurnHandler): void;
  /**
   * Anything not matched by another route (anyone, anywhere). Register once, last. Text is forgiven first (see
   * `CommandRoute.phrases`): a command it plainly means runs; `suggestion` is the command a near miss may mean.
   */
  fallback(handlers: {
    message: (turn: Turn, suggestion?: string) => Promise<void>;
    cardAction: (turn: Turn) => Promise<AdaptiveCard>;
  }): void;
  /**
   * Runs the command `text` names as if it had been typed here, with its policy (help's buttons, "Did you mean"):
   * false when no command has that text.
   */
  runCommandText(turn: Turn, text: string): Promise<boolean>;
  /**
   * For each text, whether this person may use here the command it names, by its policy (roles that belong to an
   * item count as yes: the item decides when it is used); undefined when no command has that text.
   */
  mayUse(turn: Turn, texts: readonly string[]): Promise<(boolean | undefined)[]>;
  /** Whether the person holds a role that needs no item (help's short list shows the PPI team's things first). */
  holds(turn: Turn, role: 'ppi-team' | 'ppi-admin'): Promise<boolean>;
  /** Defines a place that depends on stored state; the feature that owns it checks it. */
  place(name: StoredPlace, check: PlaceCheck): void;
  /** Every route registered so far, with who may use it where. */
  policies(): readonly RoutePolicy[];
}
