import { describe, expect, it } from 'vitest';
import {
  DIGEST_NOW_COMPUTING_MS,
  DIGEST_NOW_EVERY_MS,
  decideDigestNow,
  digestNowNotice,
} from '../../../src/digests/domain/digest-now-limit.js';

const now = new Date('2026-11-23T10:03:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const message = 'Nothing new for November 2026.';

describe('digest now: how often a fresh digest is put together', () => {
  it('shows the place’s last digest again within five minutes, for the same period and directorate only', () => {
    const place = { at: ago(3 * 60_000), key: 'monthly:2026-11-01~all', message };
    const reuse = decideDigestNow(place, undefined, 'monthly:2026-11-01~all', now);
    expect(reuse).toMatchObject({ kind: 'reuse', message });
    if (reuse.kind !== 'reuse') throw new Error('reuse');
    expect(digestNowNotice(reuse, now)).toBe(
      'This is the digest put together here at 10:00 GMT, shown again: a fresh one can be asked for from 10:05 GMT.',
    );
    expect(decideDigestNow(place, undefined, 'monthly:2026-11-01~finance', now).kind).toBe('compute');
    expect(decideDigestNow({ ...place, at: ago(DIGEST_NOW_EVERY_MS) }, undefined, place.key, now).kind).toBe('compute');
  });

  it('waits for one being put together, but not for one abandoned', () => {
    expect(decideDigestNow({ computingSince: ago(5_000) }, undefined, 'k', now).kind).toBe('in-progress');
    expect(decideDigestNow({ computingSince: ago(DIGEST_NOW_COMPUTING_MS) }, undefined, 'k', now).kind).toBe('compute');
  });

  it('holds one person to one fresh digest every five minutes anywhere, and says until when', () => {
    const wait = decideDigestNow(undefined, { at: ago(60_000) }, 'k', now);
    expect(wait.kind).toBe('wait');
    if (wait.kind !== 'wait') throw new Error('wait');
    expect(digestNowNotice(wait, now)).toMatch(
      /^You asked for a fresh digest at 10:02 GMT\. You can ask for another from 10:07 GMT;/,
    );
    expect(decideDigestNow(undefined, { at: ago(DIGEST_NOW_EVERY_MS + 1) }, 'k', now).kind).toBe('compute');
    expect(decideDigestNow(undefined, { at: 'garbled' }, 'k', now).kind).toBe('compute');
  });

  it('names the day when the time is not today', () => {
    const late = new Date('2026-11-23T23:58:00Z');
    const wait = decideDigestNow(undefined, { at: '2026-11-23T23:57:00.000Z' }, 'k', late);
    if (wait.kind !== 'wait') throw new Error('wait');
    const nextDay = new Date('2026-11-24T00:01:00Z');
    expect(digestNowNotice(wait, nextDay)).toContain(
      'on Monday 23 November 2026 at 23:57 GMT. You can ask for another from 00:02 GMT',
    );
  });
});
