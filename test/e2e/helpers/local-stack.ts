import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { ProcessGroup } from '../../../scripts/local/managed-process.js';
import { readCurrentUser } from '../../../scripts/local/playground-config.js';
import { freePort } from '../../../scripts/local/ports.js';
import {
  PLAYGROUND_CONFIG,
  type RunningBot,
  type RunningPlayground,
  startBot,
  startPlayground,
} from '../../../scripts/local/start-processes.js';
import type { AdaptiveCard } from '../../../src/bot/turn.js';
import { azuriteConnectionString, uniquePrefix } from '../../helpers/azurite.js';

/** Variables passed through from the test runner's environment; nothing else leaks into the children. */
const PASS_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'LC_ALL', 'TZ', 'NODE_EXTRA_CA_CERTS'];

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of PASS_THROUGH) if (process.env[key] !== undefined) env[key] = process.env[key];
  return env;
}

/**
 * The real bot process (src/main.ts through tsx, test Azurite, its own tables) and a real Agents Playground, both on
 * free loopback ports, as `npm start` runs them. Create it, `await start()` in beforeAll and `await stop()` in
 * afterAll: stop() works whatever state start() reached (or if it timed out).
 */
export class LocalStack {
  readonly tablePrefix = uniquePrefix();
  private readonly group = new ProcessGroup();
  private readonly workDir = mkdtempSync(join(tmpdir(), 'ppi-e2e-'));
  private running: { bot: RunningBot; playground: RunningPlayground; client: PlaygroundClient } | undefined;

  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  async start(): Promise<this> {
    const user = readCurrentUser(PLAYGROUND_CONFIG);
    const bot = await startBot(this.group, {
      port: await freePort(),
      env: {
        ...baseEnv(),
        STORAGE_CONNECTION_STRING: azuriteConnectionString(),
        TABLE_PREFIX: this.tablePrefix,
        DATA_DIR: join(this.workDir, 'data'),
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        SCHEDULER_ENABLED: 'false',
        PPI_ADMIN_IDS: user.aadObjectId,
        ...this.extraEnv,
      },
      readyTimeoutMs: 45_000,
    });
    const playground = await startPlayground(this.group, {
      port: await freePort(),
      botEndpoint: bot.endpoint,
      logFile: join(this.workDir, 'playground', 'm365agentsplayground.log'),
      env: baseEnv(),
      readyTimeoutMs: 20_000,
    });
    const client = await PlaygroundClient.connect(playground.url);
    this.running = { bot, playground, client };
    return this;
  }

  private get live() {
    if (!this.running) throw new Error('LocalStack.start() has not finished.');
    return this.running;
  }

  get client(): PlaygroundClient {
    return this.live.client;
  }

  get playgroundUrl(): string {
    return this.live.playground.url;
  }

  get botUrl(): string {
    return this.live.bot.url;
  }

  /** Recent output of both processes, for a failing test's report. */
  recentLogs(): string {
    return this.group.processes
      .map((p) => `--- ${p.name} (${p.describeExit()}):\n${p.recentLines(30).join('\n')}`)
      .join('\n');
  }

  async stop(): Promise<void> {
    this.running?.client.close();
    await this.group.stopAll();
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A small client for the Playground's HTTP API and its conversation WebSocket (what its web UI uses).

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUser;
  readonly users: readonly PlaygroundUser[];
  readonly personalChat: { readonly id: string };
  readonly groupChats: readonly { readonly id: string; readonly name: string }[];
  readonly teams: readonly {
    readonly id: string;
    readonly name: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  }[];
}

/** Custom activity kinds the Playground can generate (from its own template API). */
export type CustomActivityType =
  | 'install'
  | 'uninstall'
  | 'botAdded'
  | 'botRemoved'
  | 'userAdded'
  | 'userRemoved'
  | 'channelCreated'
  | 'channelRenamed'
  | 'channelDeleted'
  | 'teamRenamed'
  | 'teamDeleted';

interface StreamAttachment {
  readonly contentType?: string;
  readonly content?: unknown;
}

interface StreamEvent {
  readonly action?: string;
  readonly actionConversationId?: string;
  readonly message?: {
    readonly messageId?: string;
    readonly from?: { readonly id?: string };
    readonly text?: string;
    readonly attachments?: readonly StreamAttachment[];
  };
}

/** A message the bot sent or updated, as the Playground's UI receives it. */
export interface BotMessage {
  /** `createMessage` or `updateMessage`. */
  readonly action: string;
  /** The chat, channel or channel thread (`<channel id>;messageid=<post id>`) it is in. */
  readonly conversationId: string;
  readonly messageId: string;
  /** The message text and every text in its cards (TextBlocks, facts, action titles, inputs' labels). */
  readonly text: string;
  readonly cards: readonly unknown[];
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const TEXT_KEYS = new Set(['text', 'title', 'value', 'label', 'placeholder']);

/** All human-readable strings in a card. */
export function textsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) textsOf(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && TEXT_KEYS.has(key)) out.push(value);
      else textsOf(value, out);
    }
  }
  return out;
}

/** Whether a message belongs to a conversation: the chat/channel itself or a thread in that channel. */
/** The card an Action.Execute invoke answered with (it replaces the clicked card). */
export function cardOf(response: unknown): AdaptiveCard {
  const card = (response as { value?: unknown }).value;
  if (!card || typeof card !== 'object') throw new Error(`No card in the invoke response: ${JSON.stringify(response)}`);
  return card as AdaptiveCard;
}

export function inConversation(message: BotMessage, conversationId: string): boolean {
  return message.conversationId === conversationId || message.conversationId.startsWith(`${conversationId};`);
}

/** A top-level channel post is the root of its own thread: buttons on it are clicked in that thread. */
export function threadOf(message: BotMessage): string {
  return message.conversationId.includes(';')
    ? message.conversationId
    : `${message.conversationId};messageid=${message.messageId}`;
}

/** A LocalStack started before the file's tests and stopped after them. */
export function useLocalStack(extraEnv: Record<string, string> = {}): LocalStack {
  const stack = new LocalStack(extraEnv);
  beforeAll(async () => {
    await stack.start();
  }, 60_000);
  afterAll(async () => {
    await stack.stop();
  }, 40_000);
  return stack;
}

export class PlaygroundClient {
  private readonly messages: BotMessage[] = [];
  private readonly listeners = new Set<() => void>();
  private configCache: PlaygroundConfig | undefined;

  private constructor(
    readonly baseUrl: string,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => this.receive(String(data)));
  }

  static async connect(baseUrl: string): Promise<PlaygroundClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new PlaygroundClient(baseUrl, socket);
    await client.config();
    return client;
  }

  close(): void {
    this.socket.close();
  }

  /** `GET /_internal/v1/config`: tenant, bot, users, chats and team (waits for the bot endpoint to answer). */
  async config(): Promise<PlaygroundConfig> {
    if (!this.configCache) {
      const body = (await this.request('GET', '/_internal/v1/config')) as { config: PlaygroundConfig };
      this.configCache = body.config;
    }
    return this.configCache;
  }

  /** The bot messages seen so far (in arrival order; do not rely on it). */
  get botMessages(): readonly BotMessage[] {
    return this.messages;
  }

  /** A position to pass to `waitFor` so only later messages count. */
  mark(): number {
    return this.messages.length;
  }

  /** Resolves with the first bot message (seen already or arriving later) that matches; rejects after timeoutMs. */
  waitFor(predicate: (message: BotMessage) => boolean, timeoutMs = 10_000, since = 0): Promise<BotMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(since).find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.messages
          .slice(since)
          .map((m) => `  [${m.conversationId}] ${m.text.replace(/\s+/g, ' ').slice(0, 160)}`)
          .join('\n');
        reject(new Error(`No matching bot message within ${timeoutMs} ms. Bot messages seen:\n${seen || '  (none)'}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void check();
      if (check()) return;
      this.listeners.add(listener);
    });
  }

  /** Types `text` in a chat and waits (15 s) for the bot's reply there that contains `expected`. */
  async say(conversationId: string, text: string, expected: string): Promise<BotMessage> {
    const since = this.mark();
    await this.send(conversationId, text);
    return this.waitFor((m) => inConversation(m, conversationId) && m.text.includes(expected), 15_000, since);
  }

  /** @mentions the bot with `text` in a channel (a new post) and waits (15 s) for its reply in that post. */
  async sayInChannel(channelId: string, text: string, expected = ''): Promise<BotMessage> {
    const since = this.mark();
    const post = await this.send(channelId, text, { mentionBot: true });
    return this.waitFor(
      (m) => m.conversationId === post.postConversationId && m.text.includes(expected),
      15_000,
      since,
    );
  }

  /**
   * Sends a generated custom activity (install, botAdded, …; or with no type the bare activity the UI's "Custom
   * activity" editor starts from) for a conversation, changed first by `change` if given.
   */
  async customActivity(
    conversationId: string,
    type: CustomActivityType | undefined,
    change: (activity: Record<string, unknown>) => Record<string, unknown> = (a) => a,
  ): Promise<Record<string, unknown>> {
    const query = `conversationId=${encodeURIComponent(conversationId)}${type ? `&type=${encodeURIComponent(type)}` : ''}`;
    const template = (await this.request('GET', `/_internal/v1/customActivities/template?${query}`)) as Record<
      string,
      unknown
    >;
    const activity = change(template);
    await this.request('POST', '/_internal/v1/customActivities', activity);
    return activity;
  }

  /** The installationUpdate (add) Teams sends when the app is added to a chat, channel or personal scope. */
  install(conversationId: string): Promise<Record<string, unknown>> {
    return this.customActivity(conversationId, 'install');
  }

  /**
   * A message from another user, as "Mock an Activity" > "Custom activity" sends it (the Playground's composer
   * always speaks as the browser user). The bot hears it in any conversation, mention or not.
   */
  async sendAs(conversationId: string, user: PlaygroundUser, text: string): Promise<Record<string, unknown>> {
    return this.customActivity(conversationId, undefined, (activity) => ({
      ...activity,
      type: 'message',
      text,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    }));
  }

  /**
   * Posts a message as a user (the browser user by default). `mentionBot` puts `<at>Bot</at>` in front, as the UI
   * does when you pick the bot after typing @; in channels and group chats the bot only hears such messages.
   * In a channel each message starts a new post: replies come in `postConversationId`.
   */
  async send(
    conversationId: string,
    text: string,
    options: { from?: string; mentionBot?: boolean } = {},
  ): Promise<{ messageId: string; postConversationId?: string }> {
    const config = await this.config();
    const from = options.from ?? config.currentUser.id;
    const at = `<at>${config.bot.name}</at>`;
    const body = options.mentionBot
      ? {
          from: { id: from },
          text: `${at} ${text}`,
          textFormat: 'plain',
          mentions: [{ mentioned: { id: config.bot.id }, text: at }],
        }
      : { from: { id: from }, text, textFormat: 'plain' };
    return (await this.request(
      'POST',
      `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
      body,
    )) as { messageId: string; postConversationId?: string };
  }

  /** Clicks an Action.Execute button on a card the bot sent (`replyToId` = that message's id); returns the response. */
  async invoke(
    conversationId: string,
    replyToId: string,
    verb: string,
    data: Record<string, unknown> = {},
    options: { from?: string } = {},
  ): Promise<unknown> {
    const config = await this.config();
    return this.request('POST', '/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      conversation: { id: conversationId },
      from: { id: options.from ?? config.currentUser.id },
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data } },
    });
  }

  /**
   * Clicks an Action.Submit button on a card the bot sent (`replyToId` = that message's id), as the Playground's UI
   * does: the bot gets a message whose value is the button's data (with its verb) and the card's inputs. The bot
   * answers later, on the WebSocket (an `updateMessage` of that card, where it can): wait for it with `waitFor`.
   */
  async submit(
    conversationId: string,
    replyToId: string,
    value: Record<string, unknown>,
    options: { from?: string } = {},
  ): Promise<void> {
    const config = await this.config();
    await this.request('POST', '/_conversation/v1/submit', {
      conversation: { id: conversationId },
      from: { id: options.from ?? config.currentUser.id },
      replyToId,
      value,
    });
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  private receive(raw: string): void {
    let event: StreamEvent;
    try {
      event = JSON.parse(raw) as StreamEvent;
    } catch {
      return;
    }
    const message = event.message;
    if (!message || (event.action !== 'createMessage' && event.action !== 'updateMessage')) return;
    if (this.configCache && message.from?.id !== this.configCache.bot.id) return;
    const cards = (message.attachments ?? []).filter((a) => a.contentType === ADAPTIVE).map((a) => a.content);
    this.messages.push({
      action: event.action,
      conversationId: event.actionConversationId ?? '',
      messageId: message.messageId ?? '',
      text: [message.text ?? '', ...textsOf(cards)].filter((t) => t !== '').join('\n'),
      cards,
    });
    for (const listener of [...this.listeners]) listener();
  }
}
