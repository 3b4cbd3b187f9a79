import { grantsOf, type NormalGrant } from './access.js';
import { type CommandPhrases, forgive, politeForm, wordsOf } from './forgiving-match.js';
import type { CommandHandler, CommandRoute } from './router.js';
import { mayUseHere, type RouteRuntime, readingRolesOnce, runCommand } from './run-route.js';
import type { Turn } from './turn.js';

interface Entry {
  readonly pattern: RegExp;
  readonly grants: readonly NormalGrant[];
  readonly phrases?: CommandPhrases;
  readonly run: (turn: Turn) => Promise<void>;
}

/** Longer text is not a command someone mistyped: it is answered as not understood. */
const MAX_FORGIVEN = 200;

/** What forgiving did with a text no route matched: ran the command it plainly means, or found one it may mean. */
export type ForgivenTurn = { readonly ran: true } | { readonly ran: false; readonly suggestion?: string };

/**
 * The registered commands in order (the first match wins, as in the router), so that a command can be found and run
 * by its text outside its own route: help's buttons, "Did you mean", and forgiving what was typed. SDK-agnostic: any
 * router implementation keeps one.
 */
export class CommandTable {
  private readonly entries: Entry[] = [];
  /** The words of every phrase, and the command that claimed them. */
  private readonly claimed = new Map<string, string>();

  constructor(private readonly runtime: RouteRuntime) {}

  /**
   * Registers a command. A command's first phrase must be one its own pattern matches (a "Did you mean" button runs
   * it), and no two commands may claim the same words: either mistake stops the bot at start-up, like a missing policy.
   */
  add<D, I>(route: CommandRoute<D, I>, handler: CommandHandler<D, I>): void {
    const [first] = route.phrases ?? [];
    if (first !== undefined && !route.pattern.test(first)) {
      throw new Error(`Command "${route.name}": its first phrase "${first}" does not match its pattern.`);
    }
    for (const phrase of route.phrases ?? []) {
      const words = wordsOf(phrase).join(' ');
      const owner = this.claimed.get(words);
      if (owner !== undefined && owner !== route.name) {
        throw new Error(`Commands "${owner}" and "${route.name}" both claim the words "${phrase}".`);
      }
      this.claimed.set(words, route.name);
    }
    const phrases = route.phrases?.length
      ? { command: route.phrases[0] ?? '', phrases: route.phrases, ...(route.careful ? { careful: true } : {}) }
      : undefined;
    this.entries.push({
      pattern: route.pattern,
      grants: grantsOf(route),
      ...(phrases ? { phrases } : {}),
      run: (turn) => runCommand(turn, route, handler, this.runtime),
    });
  }

  private find(text: string): Entry | undefined {
    return this.entries.find((e) => e.pattern.test(text));
  }

  /** Every command's phrases, in registration order (what forgiving matches against). */
  phrases(): CommandPhrases[] {
    return this.entries.flatMap((e) => (e.phrases ? [e.phrases] : []));
  }

  async runText(turn: Turn, text: string): Promise<boolean> {
    const entry = this.find(text);
    if (!entry) return false;
    await entry.run({ ...turn, text });
    return true;
  }

  /** For each text, whether its command may be used here by this person (the PPI team list is read once). */
  async mayUse(turn: Turn, texts: readonly string[]): Promise<(boolean | undefined)[]> {
    const runtime = readingRolesOnce(this.runtime);
    const out: (boolean | undefined)[] = [];
    for (const text of texts) {
      const entry = this.find(text);
      out.push(entry ? await mayUseHere(turn, entry.grants, runtime) : undefined);
    }
    return out;
  }

  /**
   * For text no route matched: without the words around it ("please", "I'd like to", "HELP!") it may match a
   * command's pattern, or be a command's own words: then that command runs. Otherwise a near miss is suggested.
   */
  async forgive(turn: Turn): Promise<ForgivenTurn> {
    if (turn.text === '' || turn.text.length > MAX_FORGIVEN) return { ran: false };
    const polite = politeForm(turn.text);
    if (polite !== turn.text && (await this.runText(turn, polite))) return { ran: true };
    const forgiven = forgive(turn.text, this.phrases());
    if (forgiven?.kind === 'run' && (await this.runText(turn, forgiven.command))) return { ran: true };
    return { ran: false, ...(forgiven?.kind === 'suggest' ? { suggestion: forgiven.command } : {}) };
  }
}
