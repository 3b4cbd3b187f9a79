import { describe, expect, it } from 'vitest';
import { financialQuarter } from '../../src/calendar/report-quarter.js';
import { LifecycleVerb } from '../../src/lifecycle/lifecycle-verbs.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { loadPeriodInputs } from '../../src/reports/store/load-period-inputs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { closeOutOf, projectWith } from './lifecycle-fixtures.js';
import { acceptedRequest, fillCloseOut, lastCardTo, REFERENCE } from './lifecycle-helpers.js';

describe('what the Board report counts from the close-outs stored', () => {
  it('a project closed through the bot: closed, the rung reached, told, evaluated; its stage', async () => {
    const h = await BotHarness.start();
    await acceptedRequest(h);
    h.clock = new Date('2027-07-06T10:00:00Z');
    const review = await fillCloseOut(h);
    await h.click(people.lead, LifecycleVerb.submit, actionData(review, LifecycleVerb.submit));
    const posted = lastCardTo(h, ppiChannel.channelId);
    await h.click(
      people.admin,
      LifecycleVerb.accept,
      { ...actionData(posted, LifecycleVerb.accept), evaluationWider: 'Carers said they were heard.' },
      ppiChannel,
    );
    h.clock = new Date('2027-10-04T10:00:00Z');
    const quarter = financialQuarter(2027, 2, 'financial');
    const inputs = await loadPeriodInputs(h.bot.stores, quarter.period);
    const report = buildBoardReport(inputs, quarter, h.clock);
    expect(report.closeOuts.completed).toEqual({ recorded: true, value: 1 });
    expect([report.closeOuts.topThreeReached, report.closeOuts.told, report.closeOuts.evaluated]).toEqual([1, 1, 1]);
    expect(report.requests.rungs.find((r) => r.id === 'co-design')?.achieved).toBe(1);
    expect(report.closeOuts.projects.map((p) => [p.reference, p.planned, p.reached, p.told])).toEqual([
      [REFERENCE, 'Co-design', 'Co-design', 'yes'],
    ]);
    const card = cardText((await h.say(people.admin, 'report Q2 2027/28', ppiChannel)).cards[0]);
    expect(card).toContain('Close-outs completed');
    // The quarter the request came in counts it at the stage it stood when that quarter ended: in progress (it
    // started on 1 December 2026 and closed only in July 2027).
    const received = financialQuarter(2026, 3, 'financial');
    const then = buildBoardReport(await loadPeriodInputs(h.bot.stores, received.period), received, h.clock);
    expect(then.requests.byStage).toEqual([{ label: 'In progress', count: 1 }]);
  });

  it('finds a project closed in the quarter that was submitted years before, through the ended index', async () => {
    const h = await BotHarness.start({ now: new Date('2027-01-05T10:00:00Z') });
    const old: Pir = {
      id: 'old-7',
      lead: { id: people.lead.id, name: people.lead.name },
      status: 'accepted',
      position: 'review',
      returnToReview: false,
      answers: { title: 'Renal transport', directorate: 'finance', rung: 'engagement', endDate: '2026-10-31' },
      revision: 9,
      reference: 'PIR-2023-0007',
      createdAt: '2023-03-01T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      submittedAt: '2023-03-01T10:00:00.000Z',
      assessment: { decidedAt: '2023-03-08T10:00:00.000Z' },
      project: projectWith(closeOutOf('accepted', { closedAt: '2026-11-20T10:00:00.000Z' })),
    };
    await h.bot.stores.pirs.create(old);
    await h.bot.stores.pirs.indexReference('PIR-2023-0007', old.lead.id, old.id);
    await h.bot.stores.projects.markEnded({
      reference: 'PIR-2023-0007',
      leadId: old.lead.id,
      pirId: old.id,
      closedAt: '2026-11-20T10:00:00.000Z',
      outcome: 'closed',
    });
    const quarter = financialQuarter(2026, 3, 'financial');
    const inputs = await loadPeriodInputs(h.bot.stores, quarter.period);
    expect(inputs.closeOuts.items.map((c) => [c.reference, c.achievedRung, c.participantsTold])).toEqual([
      ['PIR-2023-0007', 'co-design', true],
    ]);
    expect(buildBoardReport(inputs, quarter, h.clock).closeOuts.completed).toEqual({ recorded: true, value: 1 });
  });
});
