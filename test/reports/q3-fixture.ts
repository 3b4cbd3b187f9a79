import type { PeriodInputs } from '../../src/reports/store/period-inputs.js';
import { champion, checkIn, involvement, LISTS, pir, Q4, record, yswd } from './report-fixtures.js';

/**
 * Q3 2026/27 (October to December 2026), every figure worked out by hand in the tests: four requests received
 * (one at 00:30 BST on 1 October), four assessed (one submitted in 2025), a champion's log that is the same event as
 * an engagement record, a champion with two check-ins and two reasons, one registered mid-quarter, a paused one,
 * a retired and an unknown directorate, Quality Strategy priorities from the Trust's own list (one an earlier,
 * retired entry), feedback with averages and per-score counts, and four close-outs of which two closed in the
 * quarter (one at 00:30 BST on 1 October).
 */
export function q3Inputs(): PeriodInputs {
  return {
    period: Q4,
    pirs: [
      pir('PIR-2026-0101', '2026-10-05T10:00:00.000Z', 'consultation', {
        status: 'accepted',
        answers: {
          title: 'Discharge lounge',
          directorate: 'finance',
          rung: 'consultation',
          qualityPriority: 'safer-care',
          protectedCharacteristics: ['age', 'disability'],
          equalityPlans: 'Easy read invitations and a carers’ session.',
          support: ['patient-partners'],
        },
        assessment: { decidedAt: '2026-10-12T10:00:00.000Z', expectedRung: 'engagement' },
      }),
      pir('PIR-2026-0102', '2026-11-02T10:00:00.000Z', 'informing', {
        answers: {
          title: 'Clinic hours <review>',
          directorate: 'finance',
          rung: 'informing',
          qualityPriority: 'patient-experience',
          notOpenToInfluence: 'The opening hours are set nationally',
          whoDecides: 'NHS England',
        },
      }),
      pir('PIR-2026-0103', '2026-12-01T10:00:00.000Z', 'co-design', {
        status: 'declined',
        answers: {
          title: 'Menu',
          directorate: 'it',
          rung: 'co-design',
          qualityPriority: 'safer-care',
          seldomHeardGroups: ['homeless-people'],
        },
        assessment: { decidedAt: '2026-12-03T10:00:00.000Z', expectedRung: 'co-production' },
      }),
      // 23:30 UTC on 30 September is 00:30 BST on 1 October: in this quarter.
      pir('PIR-2026-0104', '2026-09-30T23:30:00.000Z', 'consultation', {
        answers: { title: 'Car park', directorate: 'estates', rung: 'consultation' },
      }),
      // 22:30 UTC on 30 September is 23:30 BST: received last quarter, assessed in this one.
      pir('PIR-2026-0090', '2026-09-30T22:30:00.000Z', 'co-design', {
        status: 'accepted',
        assessment: { decidedAt: '2026-10-01T09:00:00.000Z', expectedRung: 'co-design' },
      }),
      pir('PIR-2025-0400', '2025-12-15T10:00:00.000Z', 'informing', {
        status: 'accepted',
        assessment: { decidedAt: '2026-10-20T09:00:00.000Z', expectedRung: 'informing' },
      }),
    ],
    engagement: [
      record(
        'engagement',
        'e1',
        '2026-10-10',
        {
          people: 12,
          activity: 'focus-group',
          project: 'Discharge lounge',
          pirReference: 'PIR-2026-0101',
          collated: 'People want clearer signs.',
        },
        { category: 'involving' },
      ),
      record(
        'engagement',
        'e2',
        '2026-11-03',
        { people: 40, activity: 'social-media-post' },
        { category: 'informing' },
      ),
      record(
        'engagement',
        'e3',
        '2026-11-20',
        {
          people: 6,
          activityDescription: 'The ward menu card',
          project: 'Menu redesign',
          collated: 'Co-designed the <b>menu</b> card.',
        },
        { category: 'co-production', directorate: 'it' },
      ),
      record(
        'engagement',
        'e4',
        '2026-12-05',
        { people: 3, activity: 'forum' },
        { category: 'involving', directorate: 'ghost' },
      ),
    ],
    involvement: [
      { ...involvement('i1', '2026-11-01', 15), projectName: 'discharge  LOUNGE' },
      { ...involvement('i2', '2026-12-10', 9), directorate: 'it', projectName: 'Ward welcome pack' },
      { ...involvement('i3', '2026-12-20', 4), projectName: 'Discharge lounge' },
    ],
    feedback: [
      record('feedback', 'f1', '2026-10-10', {
        activityName: 'Focus group',
        responses: 10,
        valued: 8.5,
        impact: 6,
        viewsYes: 8,
        viewsNo: 1,
        againYes: 9,
        againNo: 0,
        'heard-social-media': 4,
        'heard-word-of-mouth': 3,
      }),
      record(
        'feedback',
        'f2',
        '2026-11-20',
        {
          activityName: 'Menu day',
          responses: 30,
          valued: 9.2,
          impact: 7.5,
          viewsYes: 25,
          viewsNo: 5,
          againYes: 20,
          againNo: 4,
          'heard-social-media': 10,
          'heard-nhs-staff': 12,
        },
        { directorate: 'it' },
      ),
      record('feedback', 'f3', '2026-12-05', {
        activityName: 'Forum',
        responses: 5,
        valued: 4,
        impact: 3,
        'valued-3': 2,
        'valued-5': 3,
        'impact-2': 5,
      }),
    ],
    yswd: [
      yswd(
        'y1',
        '2026-10-15',
        true,
        {},
        { youSaid: 'Signs are confusing', weDid: 'Added signs', pirReference: 'PIR-2026-0102' },
      ),
      yswd('y2', '2026-11-25', true, { directorate: 'it' }, { joint: true, weDid: 'Menu changed together' }),
      yswd(
        'y3',
        '2026-12-02',
        true,
        {},
        { youSaid: 'More parking', outcome: 'could-not-change', whyNot: 'Parking is run by the council' },
      ),
      yswd('y4', '2026-12-10', false),
      yswd('y5', '2026-12-12', true, { directorate: 'estates' }),
    ],
    champions: [
      champion('finance', '2026-06-01', [
        checkIn('2026-09-28T08:30:00.000Z', 'why-not', 'Summer break', '2026-10-02T10:00:00.000Z'),
        checkIn('2026-11-09T09:30:00.000Z', 'why-not', 'Budget setting only', '2026-11-10T10:00:00.000Z'),
        checkIn('2026-12-21T09:30:00.000Z', 'why-not', 'Year-end freeze', '2026-12-22T10:00:00.000Z'),
      ]),
      champion('finance', '2026-05-01', [
        checkIn('2026-10-19T08:30:00.000Z', 'involvement'),
        checkIn('2026-11-30T09:30:00.000Z', 'snoozed'),
      ]),
      // Registered mid-quarter: counts from its first check-in.
      champion('it', '2026-11-16', [checkIn('2026-12-28T09:30:00.000Z', 'open')]),
      // Registered in December: no check-in due yet, so not counted.
      champion('it', '2026-12-15', []),
      // Paused now; its check-in at 00:30 BST on 1 October still counts.
      champion('estates', '2026-01-01', [checkIn('2026-09-30T23:30:00.000Z', 'involvement')], false, {
        directorateLabel: 'Estates and Facilities',
      }),
    ],
    closeOuts: {
      recorded: true,
      items: [
        {
          reference: 'PIR-2026-0090',
          closedAt: '2026-12-15T10:00:00.000Z',
          title: 'Project PIR-2026-0090',
          directorate: 'finance',
          plannedRung: 'co-design',
          achievedRung: 'co-design',
          participantsTold: true,
          peopleCount: 30,
          wentWell: 'Patients ran the <sessions>',
          doDifferently: 'Start sooner',
          evaluated: true,
        },
        // 23:30 UTC on 30 September is 00:30 BST on 1 October: closed in this quarter.
        {
          reference: 'PIR-2025-0400',
          closedAt: '2026-09-30T23:30:00.000Z',
          title: 'Project PIR-2025-0400',
          directorate: 'it',
          plannedRung: 'informing',
          achievedRung: 'informing',
          participantsTold: false,
        },
        // 23:30 BST on 30 September: last quarter. And one closed in January: next quarter.
        { reference: 'PIR-2024-0007', closedAt: '2026-09-30T22:30:00.000Z', achievedRung: 'co-production' },
        { reference: 'PIR-2026-0050', closedAt: '2027-01-02T10:00:00.000Z', achievedRung: 'engagement' },
      ],
    },
    lists: LISTS,
  };
}
