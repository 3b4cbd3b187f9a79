import { describe, expect, it } from 'vitest';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { actionData, fillRequest, setUpPpiChannel } from '../pir/pir-helpers.js';
import { yswd } from '../reports/report-fixtures.js';
import { recordReliability } from './reliability-report.js';

/**
 * Crafted card payloads: another user replays the exact data of someone else's buttons (ids, revisions, lead ids).
 * Every attempt must be refused in plain English and leave every stored document byte-for-byte unchanged.
 */
describe('authorisation against crafted card payloads', () => {
  it('a lead cannot read or change another lead’s request, record or check-in', async () => {
    const h = await BotHarness.start({ now: new Date('2027-01-04T10:00:00Z') });
    await setUpPpiChannel(h);
    const review = await fillRequest(h, people.lead);
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    const pirId = pir?.id ?? '';
    await h.say(people.champion, "I'm a champion for Finance");
    await h.say(people.champion, 'nudge me now');
    const champion = (await h.bot.stores.champions.get(people.champion.id))?.value;
    await h.bot.stores.records.create(
      yswd('a1b2c3d4-0042', '2027-01-02', false, { author: { id: people.lead.id, name: people.lead.name } }),
    );
    const snapshot = async () =>
      JSON.stringify([
        await h.bot.stores.pirs.listForLead(people.lead.id),
        await h.bot.stores.pirs.listForLead(people.otherLead.id),
        await h.bot.stores.champions.get(people.champion.id),
        await h.bot.stores.records.listPeriod('2027-01-01', '2027-01-31', { kind: 'yswd' }),
      ]);
    const before = await snapshot();

    const ref = { pirId, revision: pir?.revision ?? 0, leadId: people.lead.id };
    const attempts: [string, Record<string, unknown>, boolean][] = [
      [PirVerb.submit, actionData(review, PirVerb.submit), false],
      [PirVerb.edit, { ...actionData(review, PirVerb.edit) }, false],
      [PirVerb.next, { ...ref, step: 'basics', ...stepAnswers.basics, title: 'Hijacked' }, false],
      [PirVerb.save, { ...ref, step: 'basics', title: 'Hijacked' }, false],
      [PirVerb.resume, ref, false],
      [PirVerb.decide, { ...ref, decision: 'accept' }, true],
      [PirVerb.assignMe, ref, true],
      [
        ChampionVerb.nothing,
        { championId: people.champion.id, cycle: champion?.nextDueAt ?? '', whyNot: 'Forged' },
        false,
      ],
      [
        ChampionVerb.snooze,
        { championId: people.champion.id, cycle: champion?.cycle?.dueAt ?? '', snooze: 'week' },
        false,
      ],
      [RecordVerb.edit, { kind: 'yswd', id: 'a1b2c3d4-0042', month: '2027-01', revision: 1 }, false],
      [
        RecordVerb.save,
        {
          kind: 'yswd',
          id: 'a1b2c3d4-0042',
          month: '2027-01',
          revision: 1,
          directorate: 'finance',
          youSaid: 'Forged',
          outcome: 'we-did',
          weDid: 'x',
          status: 'done',
          date: '2027-01-02',
        },
        false,
      ],
      [RecordVerb.approve, { kind: 'yswd', id: 'a1b2c3d4-0042', month: '2027-01', revision: 1 }, true],
    ];
    const replies: { verb: string; status?: number; card: string }[] = [];
    for (const [verb, data, inChannel] of attempts) {
      const reply = await h.click(people.otherLead, verb, data, inChannel ? ppiChannel : undefined);
      replies.push({
        verb,
        ...(reply.invokeStatus ? { status: reply.invokeStatus } : {}),
        card: JSON.stringify(reply.card ?? {}),
      });
    }
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const unchanged = (await snapshot()) === before;
    const refusedPlainly = replies.filter(
      (r) =>
        r.status === 200 &&
        /couldn't find|only|belongs to|out of date|Only the person|no longer|not yours|PPI team/i.test(r.card),
    );
    recordReliability({
      scenario: 'crafted payloads from another user (authorisation)',
      faults: attempts.length,
      expected: attempts.length,
      delivered: refusedPlainly.length,
      duplicated: null,
      lost: unchanged ? 0 : 1,
      note: `${refusedPlainly.length} refused in plain words; stored data ${unchanged ? 'unchanged' : 'CHANGED'}`,
    });
    for (const reply of replies) {
      expect(reply.status, reply.verb).toBe(200);
      expect(reply.card, reply.verb).toMatch(
        /couldn't find|only|belongs to|out of date|Only the person|no longer|not yours|PPI team/i,
      );
    }
    expect(unchanged).toBe(true);
  });
});
