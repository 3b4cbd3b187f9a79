/** Valid answers for the record forms, shared by the records tests and the personal-data conversation tests. */
export const engagement = {
  directorate: 'finance',
  date: '2026-11-20',
  activity: 'focus-group',
  people: '14',
  fu0: 'Two focus groups on the discharge letter.',
  fu1: '14',
  fu2: 'Most wanted plainer words.',
  project: 'Discharge letters',
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
