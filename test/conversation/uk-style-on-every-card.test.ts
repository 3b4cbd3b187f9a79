import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { HelpVerb } from '../../src/help/help-verbs.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { ReportVerb } from '../../src/reports/reports-verbs.js';
import { managersChannel, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText, type TurnResult } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { displayedTexts, isoDateProblems, validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { setUpPpiChannel, submitRequest } from '../pir/pir-helpers.js';
import { engagement, yswd } from '../records/record-fixtures.js';

/** Every card the bot showed: replies, the card that replaced a clicked one, and proactive sends. */
class Seen {
  readonly cards: AdaptiveCard[] = [];
  constructor(private readonly h: BotHarness) {}
  private proactive = 0;

  async turn(result: Promise<TurnResult>): Promise<TurnResult> {
    const r = await result;
    this.cards.push(...r.cards, ...(r.card ? [r.card] : []));
    const sent = this.h.messenger.sent.slice(this.proactive);
    this.proactive = this.h.messenger.sent.length;
    for (const s of sent) if (typeof s.message !== 'string') this.cards.push(s.message.card);
    return r;
  }
}

/**
 * The daily paths of every role, each card the bot shows checked: valid Adaptive Card 1.5, no leftover `${`, and no
 * ISO date or UTC time where a person reads it (UK dates in one style, "Monday 4 January 2027").
 */
describe('UK dates and times on every card the daily paths show', () => {
  it('the lead, the PPI team, a champion, records, the report and the digest', { timeout: 60_000 }, async () => {
    const h = await BotHarness.start({ now: new Date('2026-11-23T10:00:00Z') });
    const seen = new Seen(h);
    await seen.turn(h.install(people.lead));
    await seen.turn(h.click(people.lead, HelpVerb.show, { view: 'lead' }));
    await seen.turn(h.click(people.lead, HelpVerb.show, { view: 'everything' }));
    await setUpPpiChannel(h);
    await seen.turn(submitRequest(h));
    await seen.turn(h.say(people.lead, 'my requests'));
    await seen.turn(h.say(people.lead, 'status'));
    const posted = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
    if (!posted || typeof posted === 'string') throw new Error('no assessment card');
    await seen.turn(h.click(people.admin, PirVerb.details, actionData(posted.card, PirVerb.details), ppiChannel));
    await seen.turn(
      h.click(
        people.admin,
        PirVerb.decide,
        { ...actionData(posted.card, PirVerb.decide), decision: 'accept-with-conditions', comment: 'Involve carers.' },
        ppiChannel,
      ),
    );
    await seen.turn(h.say(people.lead, 'status PIR-2026-0001'));

    await seen.turn(h.say(people.champion, "I'm a champion"));
    await seen.turn(h.click(people.champion, ChampionVerb.register, { directorate: 'finance' }));
    await seen.turn(h.say(people.champion, 'my deputy'));
    h.clock = new Date('2027-01-04T10:00:00Z');
    await seen.turn(
      h.bot.scheduler.runOnce(NUDGE_JOB).then(() => ({ replies: [], updated: [], texts: [], cards: [] })),
    );
    const ref = { championId: people.champion.id, cycle: '2027-01-04T09:30:00.000Z' };
    await seen.turn(h.click(people.champion, ChampionVerb.nothing, { ...ref, whyNot: '' }));
    await seen.turn(h.click(people.champion, ChampionVerb.snooze, { ...ref, snooze: 'date', until: '2027-01-01' }));
    await seen.turn(h.click(people.champion, ChampionVerb.snooze, { ...ref, snooze: 'week' }));

    const category = (await seen.turn(h.say(people.lead, 'log engagement'))).cards[0];
    const form = (
      await seen.turn(
        h.click(people.lead, RecordVerb.category, {
          ...actionData(category, RecordVerb.category),
          category: 'involving',
        }),
      )
    ).card;
    await seen.turn(
      h.click(people.lead, RecordVerb.save, {
        ...actionData(form, RecordVerb.save),
        ...engagement,
        date: '2026-12-20',
      }),
    );
    const yswdForm = (await seen.turn(h.say(people.lead, 'you said we did'))).cards[0];
    await seen.turn(h.click(people.lead, RecordVerb.save, { ...actionData(yswdForm, RecordVerb.save), ...yswd }));
    const mine = (await seen.turn(h.say(people.lead, 'my records'))).cards[0];
    expect(cardText(mine)).toContain('Edit “Discharge letters”');
    expect(cardText(mine)).toContain('Edit “Car park signs were confusing.”');
    await seen.turn(h.click(people.lead, RecordVerb.edit, actionData(mine, RecordVerb.edit)));
    await seen.turn(h.say(people.admin, 'approvals', ppiChannel));

    const report = (await seen.turn(h.say(people.admin, 'report'))).cards[0];
    await seen.turn(
      h.click(people.admin, ReportVerb.quarter, { ...actionData(report, ReportVerb.quarter), quarter: '2026-Q4' }),
    );
    await h.say(people.admin, 'subscribe digest monthly', managersChannel);
    await seen.turn(h.say(people.manager, 'digest now', managersChannel));

    expect(seen.cards.length).toBeGreaterThan(25);
    const problems = seen.cards.flatMap((card) => [...validateCard(card), ...isoDateProblems(card)]);
    expect(problems).toEqual([]);
    // The check can fail: the dates it must have caught are there, in the UK style.
    const shown = seen.cards.flatMap((card) => displayedTexts(card)).join('\n');
    expect(shown).toContain('Tuesday 1 December 2026 to Wednesday 30 June 2027');
    expect(shown).toMatch(/\d{2}:\d{2} GMT/);
    expect(
      isoDateProblems({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Due 2027-01-04' }] }),
    ).toHaveLength(1);
    expect(isoDateProblems({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'At 09:30Z' }] })).toHaveLength(1);
  });
});
