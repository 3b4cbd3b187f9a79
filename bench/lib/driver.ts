import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import type { ConnectorCall, FakeConnector } from '../../test/helpers/fake-connector.js';
import { cardAction, conversationOf, message } from './activities.js';

/**
 * Talks to a bot over HTTP the way Teams does, and times each turn until its reply arrives: at the fake connector
 * for messages, in the HTTP response for card actions (Action.Execute answers with the updated card).
 */
export class Driver {
  private readonly waiting = new Map<string, (call: ConnectorCall) => void>();

  constructor(
    private readonly botUrl: string,
    private readonly connector: FakeConnector,
  ) {
    connector.onCall((call) => {
      if (call.method !== 'POST' || !call.path.includes('/activities') || !call.conversationId) return;
      const resolve = this.waiting.get(call.conversationId);
      if (resolve) {
        this.waiting.delete(call.conversationId);
        resolve(call);
      }
    });
  }

  private post(activity: Partial<Activity>): Promise<Response> {
    return fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
  }

  /** Sends a message; resolves with the latency to the first reply and that reply's card, if any. */
  async message(user: number, text: string): Promise<{ ms: number; card?: AdaptiveCard }> {
    const conversation = conversationOf(user);
    let timer: NodeJS.Timeout | undefined;
    const replied = new Promise<ConnectorCall>((resolve, reject) => {
      this.waiting.set(conversation, resolve);
      timer = setTimeout(() => reject(new Error(`no reply in ${conversation} within 30 s`)), 30_000);
    }).finally(() => clearTimeout(timer));
    const started = performance.now();
    const response = await this.post(message(this.connector.url, user, text));
    if (response.status >= 300) throw new Error(`HTTP ${response.status} for a message`);
    await response.arrayBuffer();
    const call = await replied;
    const ms = performance.now() - started;
    const attachment = (call.body.attachments as { content?: AdaptiveCard }[] | undefined)?.[0];
    return attachment?.content ? { ms, card: attachment.content } : { ms };
  }

  /** Clicks a card button; resolves with the latency and the card that replaces it. */
  async invoke(user: number, verb: string, data: unknown): Promise<{ ms: number; card: AdaptiveCard }> {
    const started = performance.now();
    const response = await this.post(cardAction(this.connector.url, user, verb, data));
    const body = (await response.json()) as { value?: AdaptiveCard };
    const ms = performance.now() - started;
    if (response.status >= 300 || !body.value) throw new Error(`HTTP ${response.status} for ${verb}`);
    return { ms, card: body.value };
  }
}

/** The data of the first Action.Execute with `verb` on a card. */
export { actionData as dataOf } from '../../test/helpers/card-actions.js';
