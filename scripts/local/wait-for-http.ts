/** Polls a URL on loopback until it answers as expected; used by `npm start` and the e2e tests. */

export interface WaitForHttpOptions {
  /** Give up after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** Pause between attempts (default 150 ms). */
  readonly intervalMs?: number;
  /** Whether an answer counts as ready (default: status 200). */
  readonly accept?: (status: number, body: string) => boolean;
  /** Checked before every attempt: return a reason to stop waiting at once (e.g. the process has exited). */
  readonly abortIf?: () => string | undefined;
}

export class WaitAbortedError extends Error {}

async function probe(url: string, perAttemptMs: number): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(perAttemptMs) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined; // not listening yet, or too slow: try again
  }
}

/** Resolves with the body of the first accepted answer; rejects when `timeoutMs` passes or `abortIf` says so. */
export async function waitForHttp(url: string, options: WaitForHttpOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 150;
  const accept = options.accept ?? ((status: number) => status === 200);
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const reason = options.abortIf?.();
    if (reason !== undefined) throw new WaitAbortedError(reason);
    const answer = await probe(url, Math.max(500, Math.min(5_000, deadline - Date.now())));
    if (answer) {
      if (accept(answer.status, answer.body)) return answer.body;
      last = `HTTP ${answer.status} ${answer.body.slice(0, 200)}`;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} was not ready within ${Math.round(timeoutMs / 1000)} s (last answer: ${last}).`);
}
