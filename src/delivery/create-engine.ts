import type { Messenger } from '../bot/messenger.js';
import type { Logger } from '../logger.js';
import type { DeliveryEngineDeps, EngineSettings } from './delivery-engine.js';
import type { DeliveryStore } from './delivery-store.js';
import type { DueIndex } from './due-index.js';
import { InFlightLimit } from './in-flight-limit.js';
import { DEFAULT_RETRY } from './retry-delay.js';
import { DEFAULT_PACER, type PacerSettings, realSleep, SendPacer, type Sleep } from './send-pacer.js';

export type EngineOverrides = Partial<EngineSettings> & {
  readonly pacer?: Partial<PacerSettings>;
  readonly sendsInFlightPerTenant?: number;
  readonly sleep?: Sleep;
};

export interface EngineParts {
  readonly dueIndex: DueIndex;
  readonly deliveries: DeliveryStore;
  readonly messenger: Messenger;
  readonly now: () => Date;
  readonly log: Logger;
  readonly tenantSendsPerSecond: number;
  /** Sends in flight per tenant (SENDS_IN_FLIGHT_PER_TENANT): at most this many are sent again after a crash. */
  readonly sendsInFlightPerTenant: number;
  /** A `sending` claim older than this was left by a stopped runner (keep it above the job lease time). */
  readonly staleClaimMs: number;
}

/**
 * The delivery engine's shared parts: one pacer and one in-flight limit per process, so every job (and every
 * delivery a person asked for) shares the tenant's rate and its in-flight cap.
 */
export function createEngine(
  parts: EngineParts,
  overrides: EngineOverrides = {},
): Omit<DeliveryEngineDeps, 'handlers'> {
  const sleep = overrides.sleep ?? realSleep;
  return {
    dueIndex: parts.dueIndex,
    deliveries: parts.deliveries,
    messenger: parts.messenger,
    now: parts.now,
    log: parts.log,
    sleep,
    pacer: new SendPacer(
      { ...DEFAULT_PACER, tenantPerSecond: parts.tenantSendsPerSecond, ...overrides.pacer },
      () => Date.now(),
      sleep,
    ),
    inFlight: new InFlightLimit(overrides.sendsInFlightPerTenant ?? parts.sendsInFlightPerTenant),
    settings: {
      concurrency: overrides.concurrency ?? 32,
      staleClaimMs: overrides.staleClaimMs ?? parts.staleClaimMs,
      sendTimeoutMs: overrides.sendTimeoutMs ?? 30_000,
      retry: overrides.retry ?? DEFAULT_RETRY,
      settling: overrides.settling ?? 2_000,
    },
  };
}
