/** Nearest-rank percentile of a sample (ms). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Latency {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export function latencyOf(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

/** Runs `work` six times and returns the median of the last five (the first warms caches and connections). */
export async function medianOfFiveAfterWarmUp(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    await work();
    if (i > 0) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

/**
 * Times `a` and `b` in turn, `rounds` times each after one warm-up of each, and returns both medians: taking turns
 * spreads whatever else the machine is doing over both, so their ratio is steadier than two runs one after the other.
 */
export async function mediansTakingTurns(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  rounds = 11,
): Promise<[number, number]> {
  await a();
  await b();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const [k, work] of [a, b].entries()) {
      const t = performance.now();
      await work();
      times[k]?.push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return [median(times[0]), median(times[1])];
}
