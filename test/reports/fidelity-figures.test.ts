import { describe, expect, it } from 'vitest';
import { financialQuarter } from '../../src/calendar/report-quarter.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { fromCheckInRecord } from '../../src/champions/domain/involvement.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { checkInRecord } from '../../src/records/domain/check-in-record.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { toBoardReportCsv } from '../../src/reports/csv/board-report-csv.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { buildDigest } from '../../src/reports/domain/build-digest.js';
import { loadPeriodInputs } from '../../src/reports/store/load-period-inputs.js';
import type { PeriodInputs } from '../../src/reports/store/period-inputs.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { champion, checkIn, LISTS, pir, Q3_2026_27, Q4, record } from './report-fixtures.js';
import { periodSources } from './seed-stores.js';

const AFTER = new Date('2027-01-05T10:00:00Z');

function inputs(extra: Partial<PeriodInputs>): PeriodInputs {
  return {
    period: Q4,
    pirs: [],
    engagement: [],
    feedback: [],
    yswd: [],
    involvement: [],
    champions: [],
    closeOuts: { recorded: false, items: [] },
    lists: LISTS,
    ...extra,
  };
}

describe('the Board report, wired to what the forms now collect', () => {
  it('counts “no relevant work this time” as an answer, and only “work went ahead without patients” as opting out', () => {
    const r = buildBoardReport(
      inputs({
        champions: [
          champion('finance', '2026-06-01', [
            checkIn('2026-10-19T08:30:00.000Z', 'no-relevant-work', undefined, '2026-10-19T12:00:00.000Z'),
            checkIn('2026-11-30T09:30:00.000Z', 'why-not', 'Budget setting only', '2026-12-01T10:00:00.000Z'),
          ]),
          champion('it', '2026-06-01', [checkIn('2026-11-02T09:30:00.000Z', 'no-relevant-work')]),
        ],
      }),
      Q3_2026_27,
      AFTER,
    );
    expect(r.champions).toMatchObject({ asked: 2, answered: 2, checkInsDue: 3, checkInsAnswered: 3 });
    expect(r.whyNot).toEqual([
      { directorate: 'Finance', reason: 'Budget setting only', dueOn: '2026-11-30', answeredOn: '2026-12-01' },
    ]);
    const csv = toBoardReportCsv(
      inputs({ champions: [champion('it', '2026-06-01', [checkIn('2026-11-02T09:30:00.000Z', 'no-relevant-work')])] }),
    );
    expect(csv).toContain('Champion: check-in,2026-11-02,IT,,,Answered: no relevant work this time');
  });

  it('shows the spread of scores the feedback form now collects (each form’s score), with the mean from them', () => {
    const f = record('feedback', 'f1', '2026-11-10', {
      activityName: 'Letters focus group',
      responses: 12,
      'valued-6': 1,
      'valued-7': 3,
      'valued-9': 4,
      'valued-10': 2,
      valued: 8.2,
      'impact-3': 2,
      'impact-8': 8,
      impact: 7,
      'heard-social-media': 5,
      'heard-hospital-radio': 3,
      heardOther: 'A poster in the lift',
    });
    const lists = {
      ...LISTS,
      howHeard: [...LISTS.howHeard, { id: 'hospital-radio', label: 'Hospital radio', retired: false }],
    };
    const { feedback } = buildBoardReport(inputs({ feedback: [f], lists }), Q3_2026_27, AFTER);
    // Ten forms scored "valued": (6 + 7×3 + 9×4 + 10×2) / 10 = 8.3; two left it blank.
    expect(feedback.valued).toEqual({
      mean: 8.3,
      basis: 'scores',
      bands: [
        { label: '1 to 4', forms: 0 },
        { label: '5 or 6', forms: 1 },
        { label: '7 or 8', forms: 3 },
        { label: '9 or 10', forms: 6 },
      ],
    });
    // (3×2 + 8×8) / 10 = 7.
    expect(feedback.impact).toMatchObject({ mean: 7, basis: 'scores' });
    expect(feedback.impact.bands.map((b) => b.forms)).toEqual([2, 0, 8, 0]);
    expect(feedback.howHeard).toEqual([
      { label: 'Social media', count: 5 },
      { label: 'Hospital radio', count: 3 },
      { label: 'Another answer, or not answered', count: 4 },
    ]);
    expect(feedback.howHeardOther).toEqual(['A poster in the lift']);
  });

  it('breaks requests down by the Trust’s own Quality Strategy priorities, renamed and retired ones named', () => {
    const lists = {
      ...LISTS,
      qualityPriorities: [
        { id: 'safer-care', label: 'Safer care for everyone', retired: false },
        { id: 'patient-safety', label: 'Patient safety', retired: true },
      ],
    };
    const r = buildBoardReport(
      inputs({
        lists,
        pirs: [
          pir('PIR-2026-0201', '2026-10-05T10:00:00.000Z', 'co-design', {
            answers: { title: 'A', directorate: 'finance', rung: 'co-design', qualityPriority: 'safer-care' },
          }),
          pir('PIR-2026-0202', '2026-11-05T10:00:00.000Z', 'informing', {
            answers: { title: 'B', directorate: 'finance', rung: 'informing', qualityPriority: 'safer-care' },
          }),
          pir('PIR-2026-0203', '2026-11-06T10:00:00.000Z', 'engagement', {
            answers: { title: 'C', directorate: 'it', rung: 'engagement', qualityPriority: 'patient-safety' },
          }),
        ],
      }),
      Q3_2026_27,
      AFTER,
    );
    expect(r.byQualityPriority.map((b) => [b.label, b.requests, b.topThree])).toEqual([
      ['Patient safety (retired)', 1, 1],
      ['Safer care for everyone', 2, 1],
    ]);
  });

  it('counts a champion’s check-in record once: the same event as a staff record, or in its own category', () => {
    const staff = record(
      'engagement',
      'e1',
      '2026-11-02',
      { activity: 'focus-group', people: 12, project: 'Outpatient letters' },
      { category: 'involving' },
    );
    const origin = (cycle: string) => ({ kind: 'check-in' as const, championId: 'aad-c', cycle });
    const by = { id: 'aad-c', name: 'Chris' };
    const same = checkInRecord(
      origin('2026-11-09T09:30:00.000Z'),
      'finance',
      { project: 'outpatient LETTERS', shaped: 'Wording', category: 'involving', rung: 'co-design', people: 10 },
      by,
      '2026-11-10',
      new Date('2026-11-10T10:00:00Z'),
    );
    const own = checkInRecord(
      origin('2026-12-21T09:30:00.000Z'),
      'finance',
      { project: 'Budget survey', shaped: 'Questions', category: 'engaging', rung: 'consultation', people: 25 },
      by,
      '2026-12-22',
      new Date('2026-12-22T10:00:00Z'),
    );
    const involvement = [same, own].flatMap((d) => fromCheckInRecord(d) ?? []);
    const r = buildBoardReport(inputs({ engagement: [staff], involvement }), Q3_2026_27, AFTER);
    expect(r.reached.byCategory.map((c) => [c.category, c.activities, c.people])).toEqual([
      ['Engaging', 1, 25],
      ['Involving', 1, 12],
    ]);
    expect([r.reached.sameEvents, r.reached.total]).toEqual([1, 37]);
    const digest = buildDigest(inputs({ period: Q4, engagement: [staff], involvement }));
    expect(digest.peopleReached).toBe(37);
  });
});

describe('through the bot: a check-in record and the same event logged by staff, counted once', () => {
  it('reads check-in records as the champion’s involvement, not as a second engagement record', async () => {
    const h = await BotHarness.start({ now: new Date('2026-11-23T10:00:00Z') });
    await h.say(people.champion, "I'm a champion for Finance");
    const form = await h.click(people.lead, RecordVerb.category, {
      ...actionData((await h.say(people.lead, 'log engagement')).cards[0], RecordVerb.category),
      category: 'involving',
    });
    await h.click(people.lead, RecordVerb.save, {
      ...actionData(form.card, RecordVerb.save),
      directorate: 'finance',
      date: '2026-11-23',
      activity: 'focus-group',
      people: '12',
      project: 'Outpatient letters',
    });
    h.clock = new Date('2027-01-04T10:00:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const ref = { championId: people.champion.id, cycle: '2027-01-04T09:30:00.000Z' };
    const logged = await h.click(people.champion, ChampionVerb.log, {
      ...ref,
      project: 'Outpatient letters',
      shaped: 'Rewrote the letter',
      category: 'involving',
      rung: 'co-design',
      people: 10,
    });
    expect(cardText(logged.card)).toContain('as an engagement record');
    const sources = periodSources(h.bot.stores);
    const winter = financialQuarter(2026, 3, 'financial');
    const q3 = buildBoardReport(await loadPeriodInputs(sources, winter.period), winter, h.clock);
    expect(q3.reached.total).toBe(12);
    const q4 = financialQuarter(2026, 4, 'financial');
    const inputsQ4 = await loadPeriodInputs(sources, q4.period);
    expect(inputsQ4.engagement).toEqual([]);
    expect(inputsQ4.involvement.map((i) => [i.projectName, i.category, i.peopleCount])).toEqual([
      ['Outpatient letters', 'involving', 10],
    ]);
    // Across both quarters the check-in is the same event as the staff record (dated six weeks before it, the edge of the window).
    const both = await loadPeriodInputs(sources, { ...q4.period, startKey: winter.period.startKey });
    const r = buildBoardReport(both, q4, h.clock);
    expect([r.reached.sameEvents, r.reached.total]).toEqual([1, 12]);
  });
});
