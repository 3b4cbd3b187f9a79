import { referenceData } from '../../src/reference-data/reference-data.js';

function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('reference data list is empty');
  return item;
}

/** The Trust's lists as shipped (no admin changes). */
export const shippedLists = {
  directorates: referenceData.directorates,
  qualityPriorities: referenceData.qualityPriorities,
} as const;

/** Valid answers for every step, as a lead would type them on the cards. */
export const stepAnswers = {
  basics: {
    title: 'Redesigning the discharge lounge',
    directorate: first(referenceData.directorates).id,
    qualityPriority: first(referenceData.qualityPriorities).id,
    startDate: '2026-12-01',
    endDate: '2027-06-30',
  },
  intelligence: {
    intelligence: 'Complaints and Friends and Family Test comments say people wait hours for medicines.',
  },
  groups: { groupsAffected: 'Older inpatients and their carers' },
  involvement: { involvement: 'Two patient partners on the project group and a focus group in January.' },
  influence: {
    rung: referenceData.ladderRungs.find((r) => r.id === 'co-design')?.id ?? first(referenceData.ladderRungs).id,
    notOpenToInfluence: 'Pharmacy staffing levels',
    whoDecides: 'Chief Pharmacist',
  },
  equality: {
    disproportionate: 'yes',
    howAffected: 'Older people may find the new lounge harder to reach without help.',
    protectedCharacteristics: first(referenceData.protectedCharacteristics).id,
    seldomHeardGroups: '',
  },
  plans: { equalityPlans: 'Visit the older people’s forum and offer large-print materials.' },
  support: {
    support: first(referenceData.ppiSupportOptions).id,
    partnerRole: 'Two Patient Partners on the project group, shaping the new lounge with us.',
    partnerCommitment: 'regular',
    partnerMeetings: 'Monthly for 90 minutes, online',
    supportNotes: '',
  },
} as const;

export const stepOrder = Object.keys(stepAnswers) as (keyof typeof stepAnswers)[];
