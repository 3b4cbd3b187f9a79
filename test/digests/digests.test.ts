import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodContaining } from '../../src/calendar/period.js';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/working-hours.js';
import { DIGEST_JOB, digestWork } from '../../src/digests/domain/digest-work.js';
import { startEngineBot } from '../delivery/engine-fixture.js';
import { managersChannel, ppiChannel } from '../helpers/activities.js';
import { uniquePrefix } from '../helpers/azurite.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { FakeConnector } from '../helpers/fake-connector.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { yswd } from '../reports/report-fixtures.js';
import { channelSubscription } from './digest-fixtures.js';

const now = new Date('2026-11-23T10:00:00Z');

describe('digest subscriptions (conversation)', () => {
  it('lets the PPI team subscribe a channel, and refuses elsewhere or anyone else', async () => {
    const h = await BotHarness.start({ now });
    expect((await h.say(people.admin, 'subscribe digest monthly')).texts).toEqual([refusal.channel]);
    expect((await h.say(people.manager, 'subscribe digest monthly', managersChannel)).texts).toEqual([refusal.ppiTeam]);
    expect((await h.say(people.admin, 'subscribe digest fortnightly', managersChannel)).texts[0]).toContain(
      'Please choose how often',
    );
    expect((await h.say(people.admin, 'subscribe digest monthly for Astrology', managersChannel)).texts[0]).toContain(
      "I don't know the directorate",
    );
    const done = await h.say(people.admin, 'subscribe digest monthly for Finance', managersChannel);
    expect(done.texts[0]).toContain('a monthly “You said, we did” digest (Finance)');
    expect(done.texts[0]).toContain('The first is due Tuesday 1 December 2026');
    expect((await h.say(people.manager, 'unsubscribe digest', managersChannel)).texts).toEqual([refusal.ppiTeam]);
    expect((await h.say(people.admin, 'unsubscribe digest', managersChannel)).texts[0]).toBe(
      'This channel will no longer get the digest.',
    );
    expect((await h.say(people.admin, 'unsubscribe digest', managersChannel)).texts[0]).toContain("isn't subscribed");
  });

  it('digest now: only in a subscribed channel or for the PPI team; one line when nothing is new, a card once an item is signed off', async () => {
    const h = await BotHarness.start({ now });
    expect((await h.say(people.manager, 'digest now', managersChannel)).texts).toEqual([refusal.subscribedChannel]);
    expect((await h.say(people.manager, 'digest now')).texts).toEqual([refusal.subscribedChannel]);
    expect((await h.say(people.admin, 'digest now')).texts[0]).toContain('Nothing new for November 2026');
    await h.say(people.admin, 'subscribe digest monthly', managersChannel);
    const empty = await h.say(people.manager, 'digest now', managersChannel);
    expect(empty.texts[0]).toContain('Nothing new for November 2026');
    await h.bot.stores.records.create(yswd('a1b2c3d4-0001', '2026-11-20', true));
    await h.bot.stores.records.create(yswd('a1b2c3d4-0002', '2026-11-21', false));
    // Past the five minutes in which the channel's last digest is shown again instead of a fresh one.
    h.clock = new Date(h.clock.getTime() + 5 * 60_000);
    const digest = await h.say(people.manager, 'digest now', managersChannel);
    const text = cardText(digest.cards[0]);
    expect(text).toContain('Said a1b2c3d4-0001');
    expect(text).not.toContain('Said a1b2c3d4-0002');
  });
});

describe('digest now cannot make the bot do unbounded work', () => {
  it('puts a fresh digest together at most every five minutes per channel and per person, the limit stored (a clock that moves)', async () => {
    const h = await BotHarness.start({ now, clock: 'moving' });
    await h.say(people.admin, 'subscribe digest monthly', managersChannel);
    const first = await h.say(people.manager, 'digest now', managersChannel);
    expect(first.texts).toEqual([expect.stringContaining('Nothing new for November 2026')]);
    await h.bot.stores.records.create(yswd('a1b2c3d4-0011', '2026-11-20', true));

    // Someone else in the channel a minute later: the channel's digest again, saying so, not a fresh one.
    h.clock = new Date(h.clock.getTime() + 60_000);
    const again = await h.say(people.lead, 'digest now', managersChannel);
    expect(again.texts[0]).toMatch(
      /^This is the digest put together here at 10:00 GMT, shown again: a fresh one can be asked for from 10:05 GMT\.$/,
    );
    expect(again.texts[1]).toContain('Nothing new for November 2026');
    expect(again.cards).toEqual([]);

    // Another instance on the same tables keeps to the same limit (it is stored, not in one process's memory).
    const other = await BotHarness.start({
      now: h.clock,
      clock: 'moving',
      env: { TABLE_PREFIX: h.config.tablePrefix },
    });
    const elsewhere = await other.say(people.member, 'digest now', managersChannel);
    expect(elsewhere.texts[0]).toContain('shown again');

    // One person: a fresh digest in their own chat, then none in another place for five minutes.
    const own = await h.say(people.admin, 'digest now');
    expect(own.cards).toHaveLength(1);
    const busy = await h.say(people.admin, 'digest now', ppiChannel);
    expect(busy.texts[0]).toMatch(
      /^You asked for a fresh digest at 10:01 GMT\. You can ask for another from 10:06 GMT/,
    );
    expect(busy.cards).toEqual([]);

    // Five minutes on: a fresh one, with the item signed off since.
    h.clock = new Date(h.clock.getTime() + 5 * 60_000);
    const fresh = await h.say(people.manager, 'digest now', managersChannel);
    expect(cardText(fresh.cards[0])).toContain('Said a1b2c3d4-0011');
  });
});

describe('digest delivery through the fake Bot Connector', () => {
  let connector: FakeConnector;
  beforeEach(async () => {
    connector = await FakeConnector.start();
  });
  afterEach(async () => {
    await connector.stop();
  });

  const channelId = '19:managers@thread.tacv2';
  const november = periodContaining('monthly', now);

  const subscription = () => channelSubscription(channelId, connector.url, now.toISOString());

  it('posts each (channel, period) digest once across reruns, a restart and two instances', async () => {
    const prefix = uniquePrefix();
    const tuesday = new Date('2026-12-01T10:00:00Z');
    const a = await startEngineBot({ prefix, now: tuesday });
    await a.bot.stores.subscriptions.write(channelId, () => subscription());
    await a.bot.stores.dueIndex.schedule(DIGEST_JOB, digestWork(channelId, november, DEFAULT_WORKING_HOURS));
    await a.bot.stores.records.create(yswd('a1b2c3d4-0003', '2026-11-20', true));

    const b = await startEngineBot({ prefix, now: tuesday });
    await Promise.all([a.bot.scheduler.runOnce(DIGEST_JOB), b.bot.scheduler.runOnce(DIGEST_JOB)]);
    await a.bot.scheduler.runOnce(DIGEST_JOB);
    const restarted = await startEngineBot({ prefix, now: tuesday });
    await restarted.bot.scheduler.runOnce(DIGEST_JOB);

    expect(connector.deliveredTo(channelId)).toHaveLength(1);
    expect(JSON.stringify(connector.deliveredTo(channelId)[0]?.body)).toContain('Said a1b2c3d4-0003');
    const record = await a.bot.stores.deliveries.get({ kind: 'digest', targetId: channelId, cycle: 'monthly:2026-11' });
    expect(record).toMatchObject({ status: 'sent' });

    // December's digest is planned for the first working day of 2027 (1 January is a bank holiday).
    restarted.clock = new Date('2027-01-04T10:00:00Z');
    await restarted.bot.scheduler.runOnce(DIGEST_JOB);
    expect(connector.deliveredTo(channelId)).toHaveLength(2);
    expect(JSON.stringify(connector.deliveredTo(channelId)[1]?.body)).toContain('Nothing new for December 2026');
  });

  it('stops posting once the channel unsubscribes', async () => {
    const engine = await startEngineBot({ now: new Date('2026-12-01T10:00:00Z') });
    await engine.bot.stores.subscriptions.write(channelId, () => ({ ...subscription(), status: 'stopped' }));
    await engine.bot.stores.dueIndex.schedule(DIGEST_JOB, digestWork(channelId, november, DEFAULT_WORKING_HOURS));
    await engine.bot.scheduler.runOnce(DIGEST_JOB);
    expect(connector.calls).toHaveLength(0);
  });
});
