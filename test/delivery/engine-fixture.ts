import type { Bot, BotOptions } from '../../src/app.js';
import { createBot } from '../../src/app.js';
import type { ConversationRef } from '../../src/bot/turn.js';
import type { Champion } from '../../src/champions/domain/champion.js';
import { NUDGE_JOB, nudgeWorkFor } from '../../src/champions/domain/nudge-work.js';
import type { Stores } from '../../src/compose/open-stores.js';
import { createLogger } from '../../src/logger.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import type { FakeConnector } from '../helpers/fake-connector.js';
import { testConfig } from '../helpers/test-config.js';
import { deliveryFigures } from '../reliability/reliability-report.js';

/** Monday 4 January 2027, 10:00 UK (GMT): a working day, inside working hours. */
export const MONDAY_10AM = new Date('2027-01-04T10:00:00Z');
export const DUE = '2027-01-04T09:30:00.000Z';

/** Fast retries so fault tests finish quickly; Retry-After is still honoured. */
export const FAST_DELIVERY: NonNullable<BotOptions['delivery']> = {
  retry: { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 200 },
  pacer: { pauseMs: 200, tenantPerSecond: 200 },
  sendTimeoutMs: 2_000,
};

export interface EngineBot {
  readonly bot: Bot;
  clock: Date;
}

/** The real bot with the real Teams messenger (replies go to the fake connector), on tables named by `prefix`. */
export async function startEngineBot(
  options: { prefix?: string; now?: Date; env?: Record<string, string>; delivery?: BotOptions['delivery'] } = {},
): Promise<EngineBot> {
  const holder = { clock: options.now ?? MONDAY_10AM } as EngineBot & { bot: Bot };
  holder.bot = await createBot({
    config: testConfig({ TABLE_PREFIX: options.prefix ?? uniquePrefix(), ...options.env }),
    log: createLogger({ level: process.env.TEST_LOG ?? 'silent', format: 'json' }),
    tables: azuriteConnectionString(),
    now: () => holder.clock,
    delivery: options.delivery ?? FAST_DELIVERY,
  });
  return holder;
}

export function personalRef(connector: FakeConnector, id: string, tenantId = 'tenant-1'): ConversationRef {
  return {
    serviceUrl: connector.url,
    channelId: 'msteams',
    bot: { id: 'bot', name: 'PPI bot' },
    conversation: { id: `a:chat-${id}`, tenantId, conversationType: 'personal' } as { id: string },
  };
}

export function championFixture(id: string, extra: Partial<Champion> = {}): Champion {
  return {
    person: { id, name: `Champion ${id}`, channelUserId: `29:${id}` },
    directorate: 'finance',
    status: 'active',
    nextDueAt: DUE,
    registeredBy: id,
    registeredAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...extra,
  };
}

/** Stores champions and their due nudges, as registration does. */
export async function seedChampions(
  bot: { readonly stores: Pick<Stores, 'dueIndex' | 'champions'> },
  champions: readonly Champion[],
): Promise<void> {
  await Promise.all(
    champions.map(async (c) => {
      await bot.stores.dueIndex.schedule(NUDGE_JOB, nudgeWorkFor(c));
      await bot.stores.champions.write(c.person.id, () => c);
    }),
  );
}

/** Champions reachable in their own 1:1 chat at the fake connector. */
export function reachableChampions(connector: FakeConnector, n: number, prefix = 'c'): Champion[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `${prefix}${i}`;
    return championFixture(id, { personalReference: personalRef(connector, id) });
  });
}

/** Conversation ids that received more than one accepted message. */
export function duplicates(connector: FakeConnector): string[] {
  const seen = new Map<string, number>();
  for (const c of connector.delivered) seen.set(c.conversationId ?? '?', (seen.get(c.conversationId ?? '?') ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/** The reliability figures of a fan-out, from what the connector saw: faults it injected, and each champion's chat. */
export function fanOutFigures(connector: FakeConnector, champions: readonly Champion[]) {
  const expected = champions.map((c) => c.personalReference?.conversation?.id ?? `person:${c.person.id}`);
  const seen = connector.delivered.map((d) => d.conversationId ?? '?');
  return { faults: connector.faulted.length, ...deliveryFigures(expected, seen) };
}
