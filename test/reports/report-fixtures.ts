import type { Period } from '../../src/calendar/period.js';
import { periodContaining } from '../../src/calendar/period.js';
import { financialQuarter } from '../../src/calendar/report-quarter.js';
import type { ChampionInvolvement } from '../../src/champions/store/involvement-log.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import type { RecordDoc } from '../../src/records/domain/record-doc.js';
import { referenceData } from '../../src/reference-data/reference-data.js';
import type { ChampionFacts, PeriodInputs } from '../../src/reports/store/period-inputs.js';

export const NOVEMBER: Period = periodContaining('monthly', new Date('2026-11-15T12:00:00Z'));
/** Q3 2026/27: October to December 2026. */
export const Q3_2026_27 = financialQuarter(2026, 3, 'financial');
export const Q4: Period = Q3_2026_27.period;

export const LISTS: PeriodInputs['lists'] = {
  directorates: [...referenceData.directorates, { id: 'estates', label: 'Estates and Facilities', retired: true }],
  // The Trust's own priorities, added by a PPI admin; the shipped placeholders and earlier guesses stay named.
  qualityPriorities: [...referenceData.qualityPriorities, { id: 'safer-care', label: 'Safer care', retired: false }],
  howHeard: referenceData.feedbackHowHeard,
};

const author = { id: 'aad-lead', name: 'Priya Lead' };

export function record(
  kind: RecordDoc['kind'],
  id: string,
  date: string,
  values: RecordDoc['values'],
  extra: Partial<RecordDoc> = {},
): RecordDoc {
  return {
    id,
    kind,
    date,
    directorate: 'finance',
    values,
    author,
    createdAt: `${date}T10:00:00.000Z`,
    updatedAt: `${date}T10:00:00.000Z`,
    revision: 1,
    ...extra,
  };
}

export function yswd(
  id: string,
  date: string,
  approved: boolean,
  extra: Partial<RecordDoc> = {},
  values: RecordDoc['values'] = {},
): RecordDoc {
  return record(
    'yswd',
    id,
    date,
    { youSaid: `Said ${id}`, outcome: 'we-did', weDid: `Did ${id}`, status: 'done', joint: false, ...values },
    {
      approval: approved ? { status: 'approved', by: author, at: `${date}T12:00:00.000Z` } : { status: 'pending' },
      ...extra,
    },
  );
}

export function pir(reference: string, submittedAt: string, rung: string, extra: Partial<Pir> = {}): Pir {
  return {
    id: reference,
    lead: author,
    status: 'submitted',
    position: 'review',
    returnToReview: false,
    answers: { title: `Project ${reference}`, directorate: 'finance', rung },
    revision: 3,
    reference,
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
    assessment: {},
    ...extra,
  };
}

export function involvement(id: string, activityDate: string, peopleCount: number): ChampionInvolvement {
  return {
    id,
    directorate: 'finance',
    projectName: `Project ${id}`,
    whatPatientsShaped: 'Wording',
    rungId: 'co-design',
    peopleCount,
    activityDate,
    recordedBy: author,
    recordedAt: `${activityDate}T10:00:00.000Z`,
  };
}

/** November 2026 in Finance and IT: the figures the digest tests assert. */
export function novemberInputs(): PeriodInputs {
  return {
    period: NOVEMBER,
    engagement: [
      record('engagement', 'e1', '2026-11-03', { people: 40 }, { category: 'informing' }),
      record('engagement', 'e2', '2026-11-10', { people: 12 }, { category: 'involving' }),
      record('engagement', 'e3', '2026-11-20', { people: 8 }, { category: 'involving' }),
      record('engagement', 'e4', '2026-11-21', { people: 5 }, { category: 'involving', directorate: 'it' }),
    ],
    feedback: [
      record('feedback', 'f1', '2026-11-10', { responses: 10, valued: 8, impact: 6 }),
      record('feedback', 'f2', '2026-11-20', { responses: 30, valued: 9, impact: 7 }),
    ],
    yswd: [
      yswd('y1', '2026-11-05', true),
      yswd('y2', '2026-11-25', true, {}, { joint: true }),
      yswd('y3', '2026-11-26', false),
      yswd('y4', '2026-11-27', true, { directorate: 'it' }),
    ],
    involvement: [involvement('i1', '2026-11-12', 6)],
    pirs: [
      pir('PIR-2026-0001', '2026-10-30T10:00:00.000Z', 'informing', {
        status: 'accepted',
        assessment: { decidedAt: '2026-11-02T10:00:00.000Z', expectedRung: 'engagement' },
      }),
      pir('PIR-2026-0002', '2026-11-04T10:00:00.000Z', 'co-design'),
      pir('PIR-2026-0003', '2026-11-18T10:00:00.000Z', 'co-design', {
        status: 'declined',
        assessment: { decidedAt: '2026-11-19T10:00:00.000Z', expectedRung: 'co-production' },
      }),
      pir('PIR-2026-0004', '2026-11-19T10:00:00.000Z', 'consultation', {
        answers: { title: 'IT', directorate: 'it', rung: 'consultation' },
      }),
    ],
    champions: [
      champion('finance', '2026-01-05', [checkIn('2026-11-09T09:30:00.000Z', 'involvement')]),
      champion('finance', '2026-01-05', [checkIn('2026-09-28T08:30:00.000Z', 'involvement')]),
      champion('it', '2026-01-05', [checkIn('2026-11-23T09:30:00.000Z', 'open')]),
      champion('finance', '2026-01-05', [], false),
    ],
    closeOuts: { recorded: false, items: [] },
    lists: LISTS,
  };
}

export function checkIn(
  dueAt: string,
  outcome: ChampionFacts['checkIns'][number]['outcome'],
  whyNot?: string,
  answeredAt?: string,
): ChampionFacts['checkIns'][number] {
  const answered = outcome !== 'open' && outcome !== 'snoozed';
  return {
    dueAt,
    outcome,
    ...(answered || outcome === 'snoozed' ? { answeredAt: answeredAt ?? dueAt } : {}),
    ...(whyNot ? { whyNot } : {}),
  };
}

export function champion(
  directorate: string,
  registeredOn: string,
  checkIns: ChampionFacts['checkIns'],
  active = true,
  extra: Partial<ChampionFacts> = {},
): ChampionFacts {
  return { directorate, active, registeredAt: `${registeredOn}T10:00:00.000Z`, checkIns, ...extra };
}
