import { afterEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { NOTICE_JOB } from '../../src/delivery/outbox.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { FAST_DELIVERY } from '../delivery/engine-fixture.js';
import { ppiChannel } from '../helpers/activities.js';
import { azuriteConnectionString } from '../helpers/azurite.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { type ConnectorCall, FakeConnector } from '../helpers/fake-connector.js';
import { people } from '../helpers/people.js';
import { StoreFaultProxy } from '../helpers/store-fault-proxy.js';
import { deliveryFigures, recordReliability } from '../reliability/reliability-report.js';
import { stepAnswers } from './pir-fixtures.js';
import { actionData, setUpPpiChannel, submitRequest } from './pir-helpers.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** The real bot (moving clock) whose proactive sends go through the real Teams messenger to a fake Bot Connector. */
async function withConnector(options: { connectionString?: string } = {}) {
  const connector = await FakeConnector.start();
  stops.push(() => connector.stop());
  const h = await BotHarness.start({ clock: 'moving', connector, delivery: FAST_DELIVERY, ...options });
  await h.install(people.lead);
  return { h, connector };
}

/** Cards posted in the PPI team's channel (top-level or as replies in a thread there). */
const inChannel = (c: FakeConnector): ConnectorCall[] =>
  c.delivered.filter((d) => (d.conversationId ?? '').split(';')[0] === ppiChannel.channelId);
const toLead = (c: FakeConnector) => c.deliveredTo(`a:personal-${people.lead.id}`);
const cardIn = (call: ConnectorCall | undefined): AdaptiveCard =>
  ((call?.body.attachments as { content: AdaptiveCard }[] | undefined)?.[0]?.content ?? {}) as AdaptiveCard;
const runNotices = (h: BotHarness) => h.bot.scheduler.runOnce(NOTICE_JOB);

/** Each submitted request's reference, and the reference on each card the channel got: what the figures count. */
async function channelFigures(h: BotHarness, connector: FakeConnector) {
  const submitted = (await h.bot.stores.pirs.listForLead(people.lead.id)).flatMap((p) =>
    p.status === 'submitted' && p.reference ? [p.reference] : [],
  );
  const seen = inChannel(connector).flatMap((post) => submitted.filter((ref) => cardText(cardIn(post)).includes(ref)));
  return deliveryFigures(submitted, seen);
}

describe('the PPI team’s card for a submitted request is never stranded', () => {
  it('submitted while no PPI team channel is set: the lead is told the truth, and it is posted once the channel is set', async () => {
    const { h, connector } = await withConnector();
    const submitted = await submitRequest(h);
    expect(cardText(submitted.card)).toContain('Submitted as PIR-2026-0001; the PPI team will see it shortly.');
    expect(cardText(submitted.card)).not.toMatch(/submit it again|try again/i);
    await runNotices(h);
    const beforeChannel = inChannel(connector).length;

    const withoutChannel = (await h.bot.stores.ppiTeam.getChannel()) === undefined ? 1 : 0;
    await setUpPpiChannel(h);
    await runNotices(h);
    await runNotices(h);
    const posts = inChannel(connector);
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    recordReliability({
      scenario: 'request submitted before the PPI team channel was set',
      faults: withoutChannel,
      ...(await channelFigures(h, connector)),
      note: `${beforeChannel} posted before the channel was set`,
    });
    expect(beforeChannel).toBe(0);
    expect(posts).toHaveLength(1);
    expect(cardText(cardIn(posts[0]))).toContain('PIR-2026-0001');
    expect(pir?.assessmentPost?.activityId).toBe(posts[0]?.activityId);
  });

  it('one 503 on the channel post: retried with the engine’s pacing, exactly one card, the lead told it is there', async () => {
    const { h, connector } = await withConnector();
    await setUpPpiChannel(h);
    connector.setFaults(({ method, conversationId, attempt }) =>
      method === 'POST' && conversationId === ppiChannel.channelId && attempt === 1 ? { status: 503 } : undefined,
    );
    const submitted = await submitRequest(h);
    await runNotices(h);
    const refused = connector.calls.filter((c) => c.status === 503).length;
    const posts = inChannel(connector);
    recordReliability({
      scenario: 'one 503 on the PPI team channel post',
      faults: refused,
      ...(await channelFigures(h, connector)),
    });
    expect(refused).toBe(1);
    expect(posts).toHaveLength(1);
    expect(cardText(submitted.card)).toContain('The PPI team has it in their channel');
  });

  it('Teams refusing the post for longer than the retries: the card goes in a later round, once', async () => {
    const { h, connector } = await withConnector();
    await setUpPpiChannel(h);
    connector.setFaults(({ method, conversationId }) =>
      method === 'POST' && conversationId === ppiChannel.channelId ? { status: 503 } : undefined,
    );
    const submitted = await submitRequest(h);
    expect(cardText(submitted.card)).toContain('the PPI team will see it shortly');
    // The engine carries on in the background (one post a second into a channel) until it gives up.
    const attempts = FAST_DELIVERY.retry?.maxAttempts ?? 5;
    const refusedAll = (c: FakeConnector) => c.calls.filter((call) => call.status === 503).length >= attempts;
    await connector.waitFor(refusedAll, 15_000);
    await runNotices(h);
    const postedWhileRefused = inChannel(connector).length;
    connector.clearFaults();
    h.clock = new Date(h.clock.getTime() + 11 * 60_000);
    await runNotices(h);
    await runNotices(h);
    recordReliability({
      scenario: 'PPI team channel refusing every retry (503), a later round',
      faults: connector.calls.filter((c) => c.status === 503).length,
      ...(await channelFigures(h, connector)),
      note: `${postedWhileRefused} posted while refused`,
    });
    expect(postedWhileRefused).toBe(0);
    expect(connector.calls.filter((c) => c.status === 503)).toHaveLength(attempts);
    expect(inChannel(connector)).toHaveLength(1);
  });

  it('the bot stops between saving the submission and posting the card: after a restart it is posted, once', async () => {
    const proxy = await StoreFaultProxy.start(azuriteConnectionString());
    stops.push(() => proxy.stop());
    const { h, connector } = await withConnector({
      connectionString: proxy.connectionString(azuriteConnectionString()),
    });
    await setUpPpiChannel(h);
    // Nothing the delivery engine writes reaches the store: the process might as well have died after the submit.
    proxy.failWrites({ table: /Deliveries/, fromWrite: 1 });
    const submitted = await submitRequest(h);
    const [stranded] = await h.bot.stores.pirs.listForLead(people.lead.id);
    const postedBeforeRestart = inChannel(connector).length;
    const refusedWrites = proxy.refused(/Deliveries/);
    proxy.clear();

    await h.restart();
    await runNotices(h);
    await runNotices(h);
    const posts = inChannel(connector);
    recordReliability({
      scenario: 'bot stopped between “submitted” and “posted”, restarted',
      faults: refusedWrites,
      ...(await channelFigures(h, connector)),
      note: `${postedBeforeRestart} posted before the restart`,
    });
    expect(stranded?.status).toBe('submitted');
    expect(postedBeforeRestart).toBe(0);
    expect(cardText(submitted.card)).toContain('the PPI team will see it shortly');
    expect(posts).toHaveLength(1);
  });
});

describe('decisions and resubmissions reach everyone through the delivery engine', () => {
  async function decide(h: BotHarness, card: AdaptiveCard, decision: string, extra: Record<string, unknown> = {}) {
    return h.click(
      people.admin,
      PirVerb.decide,
      { ...actionData(card, PirVerb.decide), decision, ...extra },
      ppiChannel,
    );
  }

  it('a decision updates the channel card in place and tells the lead once, even when Teams refuses the first try', async () => {
    const { h, connector } = await withConnector();
    await setUpPpiChannel(h);
    await submitRequest(h);
    const [post] = inChannel(connector);
    connector.setFaults(({ method, conversationId, attempt }) =>
      method === 'POST' && conversationId === `a:personal-${people.lead.id}` && attempt === 1
        ? { status: 429, retryAfter: 0 }
        : undefined,
    );
    await decide(h, cardIn(post), 'accept');
    await runNotices(h);
    const updates = connector.updates.filter((u) => u.path.endsWith(`/activities/${post?.activityId}`));
    expect(updates).toHaveLength(1);
    expect(cardText(cardIn(updates[0]))).toContain('Accepted by Pat PPI-Admin');
    expect(toLead(connector)).toHaveLength(1);
    expect(cardText(cardIn(toLead(connector)[0]))).toContain('PIR-2026-0001: Accepted');
  });

  it('a resubmission is a reply under the first card, labelled with its version, the comment it answers and what changed', async () => {
    const { h, connector } = await withConnector();
    await setUpPpiChannel(h);
    await submitRequest(h);
    const [first] = inChannel(connector);
    await decide(h, cardIn(first), 'request-changes', { comment: 'Please involve carers earlier.' });
    const note = cardIn(toLead(connector)[0]);
    const review = (await h.click(people.lead, PirVerb.resume, actionData(note, PirVerb.resume))).card;
    const basics = (await h.click(people.lead, PirVerb.edit, { ...actionData(review, PirVerb.edit), step: 'basics' }))
      .card;
    const title = 'Redesigning the discharge lounge with carers';
    const back = await h.click(people.lead, PirVerb.next, {
      ...actionData(basics, PirVerb.next),
      ...stepAnswers.basics,
      title,
    });
    const again = await h.click(people.lead, PirVerb.submit, actionData(back.card, PirVerb.submit));
    expect(cardText(again.card)).toContain('Resubmitted: PIR-2026-0001 (2nd version)');

    const thread = `${ppiChannel.channelId};messageid=${first?.activityId}`;
    const replies = connector.deliveredTo(thread);
    expect(replies).toHaveLength(1);
    const text = cardText(cardIn(replies[0]));
    expect(text).toContain('Resubmitted (2nd version)');
    expect(text).toContain('You asked: “Please involve carers earlier.”');
    expect(text).toContain('Project basics: Project title');
    expect(text).toContain(`Was: ${stepAnswers.basics.title}`);
    expect(text).toContain(`Now: ${title}`);
    expect(text).not.toContain('Intelligence');

    // Teams refuses replies in that thread now (deleted): the third version is posted as a new message instead.
    connector.setFaults(({ method, conversationId }) =>
      method === 'POST' && conversationId === thread ? { status: 404 } : undefined,
    );
    const latest = cardIn(replies[0]);
    await decide(h, latest, 'request-changes', { comment: 'Nearly there: add the carers’ forum.' });
    const second = cardIn(toLead(connector)[1]);
    const review3 = (await h.click(people.lead, PirVerb.resume, actionData(second, PirVerb.resume))).card;
    await h.click(people.lead, PirVerb.submit, actionData(review3, PirVerb.submit));
    const topLevel = connector.deliveredTo(ppiChannel.channelId);
    expect(topLevel).toHaveLength(2);
    expect(cardText(cardIn(topLevel[1]))).toContain('Resubmitted (3rd version)');
    expect(cardText(cardIn(topLevel[1]))).toContain('No answers changed since the version you assessed.');
  });
});
