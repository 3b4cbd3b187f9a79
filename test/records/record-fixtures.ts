/** Valid answers for the record forms, shared by the records tests and the personal-data conversation tests. */
import { referenceData } from '../../src/reference-data/reference-data.js';

/** An Involving engagement record: its own activity options, one people count, the collated feedback. */
export const engagement = {
  directorate: 'finance',
  date: '2026-11-20',
  activity: 'focus-group',
  people: '14',
  collated: 'Most wanted plainer words.',
  project: 'Discharge letters',
};

/** The values of an engagement record saved by the earlier form (every category's activities; the questions as text). */
export const earlierEngagementValues = {
  activity: 'email-survey',
  people: 14,
  fu0: 'Two focus groups on the discharge letter.',
  fu1: 'About fourteen',
  fu2: 'Most wanted plainer words.',
  project: 'Discharge letters',
};

/** The lists the forms offer, as shipped. */
export const shippedRecordLists = {
  directorates: referenceData.directorates.filter((d) => !d.retired),
  howHeard: referenceData.feedbackHowHeard.filter((h) => !h.retired),
};

export const yswd = {
  directorate: 'finance',
  youSaid: 'Car park signs were confusing.',
  outcome: 'we-did',
  weDid: 'New signs at both entrances.',
  status: 'done',
  date: '2026-11-10',
  joint: 'true',
};
