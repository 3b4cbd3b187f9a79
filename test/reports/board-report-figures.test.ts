import { describe, expect, it } from 'vitest';
import { financialQuarter } from '../../src/calendar/report-quarter.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { matchSameEvents, sameProjectName } from '../../src/reports/domain/people-reached.js';
import { q3Inputs } from './q3-fixture.js';
import { champion, checkIn, involvement, LISTS, pir, Q3_2026_27, record } from './report-fixtures.js';

const AFTER = new Date('2027-01-05T10:00:00Z');
const report = () => buildBoardReport(q3Inputs(), Q3_2026_27, AFTER);

describe('Board report figures for Q3 2026/27 (fixed fixture, worked out by hand)', () => {
  it('names the quarter and its months, and knows it has ended', () => {
    const r = report();
    expect([r.quarter.name, r.quarter.months, r.producedOn, r.inProgress]).toEqual([
      'Q3 2026/27',
      'October to December 2026',
      '2027-01-05',
      false,
    ]);
    expect(buildBoardReport(q3Inputs(), Q3_2026_27, new Date('2026-12-01T10:00:00Z')).inProgress).toBe(true);
  });

  it('counts requests received (by UK date: 00:30 BST on 1 October is in) and assessed (one from 2025)', () => {
    const { requests } = report();
    expect([requests.received, requests.assessed, requests.topThreePlanned]).toEqual([4, 4, 1]);
    // As the requests stood when the quarter ended: the accepted one gave no dates, so it is in progress.
    expect(requests.byStage).toEqual([
      { label: 'Submitted', count: 2 },
      { label: 'Declined', count: 1 },
      { label: 'In progress', count: 1 },
    ]);
  });

  it('puts rungs planned, expected and reached side by side, Informing upwards', () => {
    expect(report().requests.rungs.map((x) => [x.rung, x.planned, x.expected, x.achieved])).toEqual([
      ['Informing', 1, 1, 1],
      ['Consultation', 2, 0, 0],
      ['Engagement', 0, 1, 0],
      ['Co-design', 1, 1, 1],
      ['Co-production', 0, 1, 0],
    ]);
  });

  it('lists limited involvement by the below-top-three rule (Consultation is limited; an expectation outranks a plan)', () => {
    expect(report().requests.limited).toEqual([
      {
        reference: 'PIR-2026-0102',
        title: 'Clinic hours <review>',
        directorate: 'Finance',
        rung: 'Informing',
        basis: 'planned by the lead',
      },
      {
        reference: 'PIR-2026-0104',
        title: 'Car park',
        directorate: 'Estates and Facilities (retired)',
        rung: 'Consultation',
        basis: 'planned by the lead',
      },
    ]);
  });

  it('keeps decisions not open to influence for the impact section, and the equality answers for inclusion', () => {
    const { requests } = report();
    expect(requests.notOpenToInfluence).toEqual([
      {
        reference: 'PIR-2026-0102',
        title: 'Clinic hours <review>',
        decisions: 'The opening hours are set nationally',
        whoDecides: 'NHS England',
      },
    ]);
    expect(requests.affectedGroups).toEqual([
      { label: 'Age', count: 1 },
      { label: 'Disability', count: 1 },
      { label: 'Homeless people', count: 1 },
    ]);
    expect([requests.namingAffectedGroups, requests.withEngagementPlans]).toEqual([2, 1]);
    expect(requests.supportAsked).toEqual([{ label: 'Patient Partners on the project group', count: 1 }]);
  });

  it('counts people reached once per event: a champion log that is an engagement record is not added again', () => {
    const { reached } = report();
    expect(reached.byCategory.map((c) => [c.category, c.activities, c.people])).toEqual([
      ['Informing', 1, 40],
      ['Involving', 2, 15],
      ['Co-production (Partnership)', 1, 6],
      ['Reported by partnership champions only', 2, 13],
    ]);
    expect([reached.sameEvents, reached.total]).toEqual([1, 74]);
  });

  it('counts champions only for check-ins that fell due in the quarter, and keeps every reason', () => {
    const r = report();
    expect(r.champions).toMatchObject({ asked: 4, answered: 3, checkInsDue: 6, checkInsAnswered: 4, activeNow: 4 });
    expect(
      r.champions.byDirectorate.map((d) => [d.directorate, d.asked, d.answered, d.checkInsDue, d.checkInsAnswered]),
    ).toEqual([
      ['Estates and Facilities (retired)', 1, 1, 1, 1],
      ['Finance', 2, 2, 4, 3],
      ['IT', 1, 0, 1, 0],
    ]);
    expect(r.whyNot).toEqual([
      { directorate: 'Finance', reason: 'Budget setting only', dueOn: '2026-11-09', answeredOn: '2026-11-10' },
      { directorate: 'Finance', reason: 'Year-end freeze', dueOn: '2026-12-21', answeredOn: '2026-12-22' },
    ]);
  });

  it('reports all five feedback survey answers, scores as a distribution as well as the mean', () => {
    const { feedback } = report();
    expect([feedback.activities, feedback.forms]).toEqual([3, 45]);
    expect(feedback.howHeard).toEqual([
      { label: 'Social media', count: 14 },
      { label: 'A member of NHS staff (retired)', count: 12 },
      { label: 'Word of mouth, family or friends (retired)', count: 3 },
      { label: 'Another answer, or not answered', count: 16 },
    ]);
    expect(feedback.expressedAllViews).toEqual({ yes: 33, no: 6, notAnswered: 6 });
    expect(feedback.takePartAgain).toEqual({ yes: 29, no: 4, notAnswered: 12 });
    // Each form's own score counts where it was entered (f3: 3×2 + 5×3 valued, 2×5 impact), else the activity's average:
    // (8.5×10 + 9.2×30 + 21) / 45 = 8.49; (6×10 + 7.5×30 + 10) / 45 = 6.56.
    expect(feedback.valued).toEqual({
      mean: 8.5,
      basis: 'mixed',
      bands: [
        { label: '1 to 4', forms: 2 },
        { label: '5 or 6', forms: 3 },
        { label: '7 or 8', forms: 10 },
        { label: '9 or 10', forms: 30 },
      ],
    });
    expect(feedback.impact.mean).toBe(6.6);
    expect(feedback.impact.bands.map((b) => b.forms)).toEqual([5, 10, 30, 0]);
  });

  it('closes the loop with "We said, we did" first, and says what is not recorded yet', () => {
    const { loop } = report();
    expect([loop.signedOff, loop.awaitingSignOff, loop.weSaidWeDid, loop.changed, loop.couldNotChange]).toEqual([
      4, 1, 1, 3, 1,
    ]);
    expect(loop.items.map((i) => [i.date, i.joint, i.couldNotChange])).toEqual([
      ['2026-11-25', true, false],
      ['2026-12-12', false, false],
      ['2026-12-02', false, true],
      ['2026-10-15', false, false],
    ]);
    expect(loop.told).toEqual({ recorded: false, value: { told: 0, of: 4 } });
  });

  it('counts the projects closed out in the quarter by UK date, the rungs they reached, and who was told', () => {
    const { closeOuts } = report();
    expect(closeOuts.completed).toEqual({ recorded: true, value: 2 });
    expect([closeOuts.topThreeReached, closeOuts.told, closeOuts.evaluated]).toEqual([1, 1, 1]);
    expect(closeOuts.projects).toEqual([
      {
        reference: 'PIR-2025-0400',
        title: 'Project PIR-2025-0400',
        directorate: 'IT',
        planned: 'Informing',
        reached: 'Informing',
        told: 'no',
        wentWell: '',
        doDifferently: '',
      },
      {
        reference: 'PIR-2026-0090',
        title: 'Project PIR-2026-0090',
        directorate: 'Finance',
        planned: 'Co-design',
        reached: 'Co-design',
        told: 'yes',
        wentWell: 'Patients ran the <sessions>',
        doDifferently: 'Start sooner',
      },
    ]);
    const none = buildBoardReport({ ...q3Inputs(), closeOuts: { recorded: false, items: [] } }, Q3_2026_27, AFTER);
    expect(none.closeOuts.completed).toEqual({ recorded: false, value: 0 });
  });

  it('breaks the quarter down by directorate (retired and unknown ids labelled) and by Quality Strategy priority', () => {
    const r = report();
    expect(r.byDirectorate).toEqual([
      {
        label: 'Estates and Facilities (retired)',
        requests: 1,
        topThree: 0,
        activities: 0,
        people: 0,
        signedOff: 1,
        checkInsDue: 1,
        checkInsAnswered: 1,
      },
      {
        label: 'Finance',
        requests: 2,
        topThree: 0,
        activities: 3,
        people: 56,
        signedOff: 2,
        checkInsDue: 4,
        checkInsAnswered: 3,
      },
      {
        label: 'IT',
        requests: 1,
        topThree: 1,
        activities: 2,
        people: 15,
        signedOff: 1,
        checkInsDue: 1,
        checkInsAnswered: 0,
      },
      {
        label: 'Not on the list: “ghost”',
        requests: 0,
        topThree: 0,
        activities: 1,
        people: 3,
        signedOff: 0,
        checkInsDue: 0,
        checkInsAnswered: 0,
      },
    ]);
    expect(r.byDirectorate.reduce((s, d) => s + d.people, 0)).toBe(r.reached.total);
    expect(r.byQualityPriority).toEqual([
      { label: 'Not given', requests: 1, topThree: 0, activities: 0, people: 0, signedOff: 0 },
      { label: 'Patient experience (retired)', requests: 1, topThree: 0, activities: 0, people: 0, signedOff: 1 },
      { label: 'Safer care', requests: 2, topThree: 1, activities: 1, people: 12, signedOff: 0 },
      { label: 'Not linked to a request', requests: 0, topThree: 0, activities: 3, people: 49, signedOff: 3 },
    ]);
  });

  it('collects the engagement log’s collated feedback for learning', () => {
    expect(report().learning).toEqual([
      {
        date: '2026-10-10',
        directorate: 'Finance',
        category: 'Involving',
        activity: 'Focus groups',
        project: 'Discharge lounge',
        text: 'People want clearer signs.',
      },
      {
        date: '2026-11-20',
        directorate: 'IT',
        category: 'Co-production (Partnership)',
        activity: 'The ward menu card',
        project: 'Menu redesign',
        text: 'Co-designed the <b>menu</b> card.',
      },
    ]);
  });

  it('self-checks the six UK Standards and writes the risks as sentences', () => {
    const r = report();
    expect(r.standards.map((s) => [s.standard, s.status])).toEqual([
      ['1. Inclusive opportunities', 'evidence this quarter'],
      ['2. Working together', 'evidence this quarter'],
      ['3. Support and learning', 'evidence this quarter'],
      ['4. Communications', 'evidence this quarter'],
      ['5. Impact', 'evidence this quarter'],
      ['6. Governance', 'evidence this quarter'],
    ]);
    expect(r.standards[1]?.evidence).toBe(
      '40 of 45 feedback forms scored 7 or more for feeling valued by the project lead (average 8.5). 1 decision made jointly with patients (“We said, we did”).',
    );
    expect(r.risks).toEqual([
      'No check-in was answered in: IT.',
      'Champions reported 2 pieces of work that went ahead without patients; their reasons are listed under “Working together”.',
      '2 of 4 requests received sit below the top three rungs of the ladder (engagement, co-design, co-production).',
      '6 people said they could not express all their views.',
      '4 people said they would not take part in future engagement.',
      '1 “You said, we did” item awaits sign-off.',
      'Whether participants were told the outcome is not recorded yet.',
      '1 of 2 projects closed out this quarter reached a rung below the top three.',
      '1 of 2 projects closed out did not record telling participants the outcome.',
    ]);
    expect(r.standards[3]?.evidence).toBe(
      '4 “You said, we did” items signed off. Whether participants were told the outcome is not recorded yet. Of 2 projects closed out, participants were told the outcome in 1.',
    );
    expect(r.standards[4]?.evidence).toContain('2 projects closed out, 1 reaching the top three rungs.');
  });
});

describe('the same event', () => {
  const log = (date: string, project: string, directorate = 'finance') => ({
    ...involvement(`i-${date}-${project}`, date, 5),
    projectName: project,
    directorate,
  });
  const eng = (id: string, date: string, project: string, directorate = 'finance') =>
    record('engagement', id, date, { people: 10, project }, { category: 'involving', directorate });

  it('is the same directorate, the same project (ignoring case, spaces and punctuation) and up to six weeks before the log', () => {
    expect(sameProjectName('Discharge lounge – phase 2', 'discharge LOUNGE phase2')).toBe(true);
    expect(sameProjectName('', '')).toBe(false);
    const records = [
      eng('a', '2026-11-01', 'Menu'),
      eng('b', '2026-09-19', 'Menu'), // 43 days before: too early
      eng('c', '2026-11-02', 'Menu'), // after the log: not yet happened when logged
      eng('d', '2026-10-31', 'Menu', 'it'), // another directorate
      eng('e', '2026-10-20', 'Menus'), // another project
    ];
    expect([...matchSameEvents(records, [log('2026-11-01', 'menu')])]).toEqual([['i-2026-11-01-menu', 'a']]);
    expect([...matchSameEvents(records.slice(1), [log('2026-11-01', 'menu')])]).toEqual([]);
    expect([...matchSameEvents([eng('x', '2026-09-20', 'Menu')], [log('2026-11-01', 'Menu')])]).toEqual([
      ['i-2026-11-01-Menu', 'x'],
    ]);
  });

  it('matches each record and each log at most once, the closest record first', () => {
    const records = [eng('old', '2026-10-01', 'Menu'), eng('new', '2026-10-25', 'Menu')];
    const logs = [log('2026-10-30', 'Menu'), log('2026-11-05', 'Menu'), log('2026-11-06', 'Menu')];
    expect([...matchSameEvents(records, logs).values()]).toEqual(['new', 'old']);
  });

  it('names the request reference as a project too', () => {
    const byReference = record(
      'engagement',
      'r',
      '2026-10-10',
      { people: 3, pirReference: 'PIR-2026-0101' },
      { category: 'informing' },
    );
    expect(matchSameEvents([byReference], [log('2026-10-11', 'pir-2026-0101')]).size).toBe(1);
  });
});

describe('the financial year edge: 31 March and 1 April 2027 (BST began on 28 March)', () => {
  const inputsFor = (period: (typeof Q4_26)['period']) => ({
    ...q3Inputs(),
    period,
    pirs: [
      pir('PIR-2027-0001', '2027-03-31T23:30:00.000Z', 'informing'),
      pir('PIR-2027-0002', '2027-03-31T22:59:00.000Z', 'co-design'),
    ],
    engagement: [
      record('engagement', 'm31', '2027-03-31', { people: 7 }, { category: 'informing' }),
      record('engagement', 'a01', '2027-04-01', { people: 9 }, { category: 'informing' }),
    ].filter((d) => d.date >= period.startKey && d.date <= period.endKey),
    involvement: [],
    feedback: [],
    yswd: [],
    champions: [
      champion('finance', '2026-01-01', [
        checkIn('2027-03-31T23:30:00.000Z', 'involvement'),
        checkIn('2027-02-17T09:30:00.000Z', 'open'),
      ]),
    ],
    lists: LISTS,
  });
  const Q4_26 = financialQuarter(2026, 4, 'financial');
  const Q1_27 = financialQuarter(2027, 1, 'financial');

  it('puts 23:59 BST on 31 March in Q4 and 00:30 BST on 1 April in Q1', () => {
    const q4 = buildBoardReport(inputsFor(Q4_26.period), Q4_26, new Date('2027-07-01T10:00:00Z'));
    const q1 = buildBoardReport(inputsFor(Q1_27.period), Q1_27, new Date('2027-07-01T10:00:00Z'));
    expect([q4.requests.received, q4.requests.limited.length, q4.reached.total]).toEqual([1, 0, 7]);
    expect([q1.requests.received, q1.requests.limited.length, q1.reached.total]).toEqual([1, 1, 9]);
    expect([q4.champions.checkInsDue, q4.champions.checkInsAnswered]).toEqual([1, 0]);
    expect([q1.champions.checkInsDue, q1.champions.checkInsAnswered]).toEqual([1, 1]);
    expect(q4.quarter.months).toBe('January to March 2027');
    expect(q1.quarter.months).toBe('April to June 2027');
  });
});
