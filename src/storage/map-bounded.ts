/** How many point reads one list fans out to at once: a command from anyone never starts hundreds together. */
export const POINT_READS_AT_ONCE = 8;

/**
 * `fn` over every item with at most `limit` running at once; the results in the items' order. The one way a list
 * fans out to point reads (a period's requests, the PPI team's queue, a year's references).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  limit = POINT_READS_AT_ONCE,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
