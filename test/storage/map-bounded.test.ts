import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../src/storage/map-bounded.js';

describe('mapBounded (a list fanning out to point reads)', () => {
  it('keeps at most `limit` running, and the results in order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded(
      Array.from({ length: 50 }, (_, i) => i),
      async (n) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, n % 3));
        running--;
        return n * 2;
      },
      4,
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(most).toBe(4);
  });

  it('handles an empty list and a failure (the first error, after the others stop)', async () => {
    expect(await mapBounded([], async () => 1)).toEqual([]);
    await expect(
      mapBounded([1, 2, 3], async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });
});
