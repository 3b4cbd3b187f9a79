import type { FakeConnector } from '../../test/helpers/fake-connector.js';

/** What every scenario gets: the shared Azurite and fake connector, and the scale (BENCH_SCALE, default 1). */
export interface BenchContext {
  readonly connectionString: string;
  /** The shared Azurite's port and process id (for counting its round trips and its CPU share). */
  readonly azurite: { readonly port: number; readonly pid: number | undefined };
  readonly connector: FakeConnector;
  readonly scale: number;
  log(line: string): void;
}

export const scaled = (ctx: BenchContext, n: number) => Math.max(1, Math.round(n * ctx.scale));

/** Runs `workers` loops until each has done `perWorker` iterations. */
export async function inParallel(
  workers: number,
  perWorker: number,
  body: (worker: number, i: number) => Promise<void>,
) {
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < perWorker; i++) await body(w, i);
    }),
  );
}

/** Runs `workers` loops for `seconds`; returns how many iterations completed. */
export async function forDuration(workers: number, seconds: number, body: (worker: number) => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < until) {
        await body(w);
        done++;
      }
    }),
  );
  return done;
}
