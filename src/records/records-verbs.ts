/** Action.Execute verbs of the recording flows, shared by the card builders and the routes. */
export const RecordVerb = {
  category: 'records.category',
  save: 'records.save',
  edit: 'records.edit',
  mine: 'records.mine',
  approve: 'records.approve',
  sendBack: 'records.sendBack',
} as const;
