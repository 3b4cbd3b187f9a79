import type { Activity } from 'botbuilder';
import { TestAdapter, type TurnContext } from 'botbuilder';
import { expect } from 'vitest';
import { type Bot, type BotOptions, createBot } from '../../src/app.js';
import type { Actor, AdaptiveCard } from '../../src/bot/turn.js';
import type { Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createTurnErrorHandler } from '../../src/teams/turn-error-handler.js';
import { makeCardAction, makeCardSubmit, makeInstall, makeMessage, type Place, personal } from './activities.js';
import { azuriteConnectionString } from './azurite.js';
import { cardButtons } from './card-actions.js';
import { type Person, people } from './people.js';
import { RecordingMessenger } from './recording-messenger.js';
import { testConfig } from './test-config.js';

/** What the bot did in one turn: messages it sent, cards it updated, and the invoke response body if any. */
export interface TurnResult {
  readonly replies: Partial<Activity>[];
  /** Activities the bot updated in place (an Action.Submit's answer, a card refreshed for everyone). */
  readonly updated: Partial<Activity>[];
  readonly texts: string[];
  readonly cards: AdaptiveCard[];
  /**
   * For a card action, the card the bot answered it with: the invoke response's card (Action.Execute), or the card
   * it put in place of the clicked one, or else sent as a new message (Action.Submit).
   */
  readonly card?: AdaptiveCard;
  readonly invokeStatus?: number;
}

/** How a card button is pressed: Action.Execute (an invoke) or Action.Submit (a message with a value). */
export type PressedAs = 'execute' | 'submit';

class RecordingTestAdapter extends TestAdapter {
  readonly updated: Partial<Activity>[] = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>) {
    this.updated.push(activity);
    return super.updateActivity(context, activity);
  }
}

const everyone = Object.values(people);
const lookupMember = async (_ctx: TurnContext, channelUserId: string): Promise<Actor | undefined> => {
  const p = everyone.find((x) => x.channelUserId === channelUserId);
  return p ? { id: p.id, name: p.name, channelUserId: p.channelUserId } : undefined;
};

function cardsOf(activities: Partial<Activity>[]): AdaptiveCard[] {
  return activities.flatMap((a) => (a.attachments ?? []).map((att) => att.content as AdaptiveCard));
}

/** The real bot (real teams-ai Application, real Azurite tables) driven through botbuilder's TestAdapter. */
/**
 * How the harness clock behaves. `frozen`: every read gives `clock` until a test moves it. `moving`: every read
 * advances it by a few milliseconds, as a real clock does between two calls, so code that reads the time twice and
 * expects the same answer (a change function re-run after a lost race, a plan compared with its re-evaluation) fails
 * here instead of in production.
 */
export type HarnessClock = 'frozen' | 'moving';
export const MOVING_CLOCK_STEP_MS = 3;

export class BotHarness {
  readonly messenger = new RecordingMessenger();
  private adapter = new RecordingTestAdapter();
  clock: Date;
  /** Reads of the clock so far (a moving clock has advanced this many steps). */
  clockReads = 0;
  private clockKind: HarnessClock = 'frozen';
  /** When set, activities come from this service URL, so proactive sends reach the fake Bot Connector there. */
  private serviceUrl?: string;
  private log: Logger = createLogger({ level: 'silent', format: 'json' });
  private connectionString = azuriteConnectionString();

  get connectionStringInUse(): string {
    return this.connectionString;
  }

  private constructor(
    private settings: Config,
    public bot: Bot,
    start: Date,
  ) {
    this.clock = start;
  }

  get config(): Config {
    return this.settings;
  }

  static async start(
    options: {
      env?: Record<string, string>;
      now?: Date;
      log?: Logger;
      connectionString?: string;
      clock?: HarnessClock;
      /** Proactive sends go to this fake Bot Connector through the real Teams messenger (not the recording one). */
      connector?: { readonly url: string };
      delivery?: BotOptions['delivery'];
    } = {},
  ): Promise<BotHarness> {
    const config = testConfig(options.env);
    const harness = new BotHarness(config, undefined as never, options.now ?? new Date('2026-11-23T10:00:00Z'));
    if (options.log) harness.log = options.log;
    if (options.connectionString) harness.connectionString = options.connectionString;
    if (options.clock) harness.clockKind = options.clock;
    if (options.connector) harness.serviceUrl = options.connector.url;
    if (options.delivery) harness.delivery = options.delivery;
    harness.bot = await harness.createBot();
    return harness;
  }

  private delivery?: BotOptions['delivery'];

  /** The time now: the same until moved (frozen), or a little later on every read (moving). */
  private readClock(): Date {
    const now = this.clock;
    this.clockReads++;
    if (this.clockKind === 'moving') this.clock = new Date(now.getTime() + MOVING_CLOCK_STEP_MS);
    return now;
  }

  private createBot(): Promise<Bot> {
    return createBot({
      config: this.settings,
      log: this.log,
      tables: this.connectionString,
      now: () => this.readClock(),
      ...(this.serviceUrl ? {} : { messenger: this.messenger }),
      ...(this.delivery ? { delivery: this.delivery } : {}),
      lookupMember,
    });
  }

  /**
   * A fresh bot process on the same tables: nothing survives but what is in Azure Table Storage. `env` changes
   * settings for the new process (e.g. CARD_ACTIONS), as a redeploy with other app settings would.
   */
  async restart(env?: Record<string, string>): Promise<void> {
    if (env) this.settings = testConfig({ ...env, TABLE_PREFIX: this.settings.tablePrefix });
    this.bot = await this.createBot();
    this.adapter = new RecordingTestAdapter();
  }

  async process(incoming: Partial<Activity>): Promise<TurnResult> {
    const activity = this.serviceUrl ? { ...incoming, serviceUrl: this.serviceUrl } : incoming;
    const adapter = this.adapter;
    // As in production (src/app.ts): a failure outside a route reaches the turn error handler.
    adapter.onTurnError = createTurnErrorHandler(this.log);
    adapter.activeQueue.splice(0);
    adapter.updated.splice(0);
    await adapter.processActivity(activity, (ctx) => this.bot.handle(ctx));
    const all = adapter.activeQueue.splice(0);
    const updated = adapter.updated.splice(0);
    const invoke = all.find((a) => a.type === 'invokeResponse');
    const replies = all.filter((a) => a.type === 'message');
    const body = (invoke?.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
    const invokeCard =
      body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as AdaptiveCard) : undefined;
    const invokeText = body?.type === 'application/vnd.microsoft.activity.message' ? [String(body.value)] : [];
    const submitted = activity.type === 'message' && activity.value !== undefined;
    const inPlace = updated.find((a) => a.id !== undefined && a.id === activity.replyToId);
    const card = submitted ? (cardsOf(inPlace ? [inPlace] : [])[0] ?? cardsOf(replies)[0]) : invokeCard;
    return {
      replies,
      updated,
      texts: [...replies.map((r) => r.text ?? '').filter((t) => t !== ''), ...invokeText],
      cards: [...cardsOf(replies), ...cardsOf(updated)],
      ...(card ? { card } : {}),
      ...(invoke ? { invokeStatus: (invoke.value as { status: number }).status } : {}),
    };
  }

  say(person: Person, text: string, place: Place = personal, mentions: Person[] = []): Promise<TurnResult> {
    return this.process(makeMessage(person, text, place, mentions));
  }

  /** Presses a card button as Action.Execute (an invoke). */
  click(person: Person, verb: string, data: unknown, place: Place = personal): Promise<TurnResult> {
    return this.process(makeCardAction(person, verb, data, place));
  }

  /** Presses a card button as Action.Submit (a message whose value is the data and the verb). */
  submit(person: Person, verb: string, data: unknown, place: Place = personal): Promise<TurnResult> {
    return this.process(makeCardSubmit(person, verb, data, place));
  }

  press(as: PressedAs, person: Person, verb: string, data: unknown, place: Place = personal): Promise<TurnResult> {
    return as === 'execute' ? this.click(person, verb, data, place) : this.submit(person, verb, data, place);
  }

  install(person: Person, place: Place = personal, action: 'add' | 'remove' = 'add'): Promise<TurnResult> {
    return this.process(makeInstall(person, place, action));
  }
}

/** All text in a card (TextBlocks, facts, action titles), for assertions that don't depend on layout. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(key))
          out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** Verbs of the buttons offered on a card (Action.Execute's verb, or Action.Submit's data.verb). */
export function cardVerbs(card: unknown): string[] {
  return cardButtons(card).map((b) => b.verb);
}

/** On a moving clock, an instant the bot stored is `expected` or a moment after it (well under a second). */
export function expectJustAfter(actual: string | undefined, expected: string): void {
  const moved = Date.parse(actual ?? '') - Date.parse(expected);
  expect(moved, `${actual} is not just after ${expected}`).toBeGreaterThanOrEqual(0);
  expect(moved, `${actual} is not just after ${expected}`).toBeLessThan(1_000);
}
