import { describe, expect, it } from 'vitest';
import { parseSubscribe } from '../../../src/digests/domain/parse-subscribe.js';
import { newSubscription, stopped } from '../../../src/digests/domain/subscription.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const channel = { channelId: '19:managers', reference: { conversation: { id: '19:managers' } }, teamName: 'Ops' };
const by = { id: 'aad-admin', name: 'Pat' };

describe('digest subscriptions', () => {
  it('reads the cadence (monthly by default) and an optional directorate', () => {
    expect(parseSubscribe('')).toEqual({ ok: true, cadence: 'monthly' });
    expect(parseSubscribe('quarterly for Finance')).toEqual({
      ok: true,
      cadence: 'quarterly',
      directorateText: 'Finance',
    });
    expect(parseSubscribe('half yearly')).toMatchObject({ cadence: 'six-monthly' });
    expect(parseSubscribe('fortnightly')).toMatchObject({ ok: false });
  });

  it('a subscription is active from now; stopping an active one stops it, anything else is left alone', () => {
    const sub = newSubscription(
      channel,
      { cadence: 'monthly', directorate: { id: 'finance', label: 'Finance' } },
      by,
      NOW,
    );
    expect(sub).toMatchObject({ channelId: '19:managers', teamName: 'Ops', status: 'active', subscribedBy: by });
    const off = stopped(sub, NOW);
    expect(off?.status).toBe('stopped');
    expect(off && stopped(off, NOW)).toBeUndefined();
  });
});
