/** Action.Execute verbs of the recording flows, shared by the card builders and the routes. */
export const RecordVerb = {
  category: 'records.category',
  save: 'records.save',
  edit: 'records.edit',
  mine: 'records.mine',
  approve: 'records.approve',
  sendBack: 'records.sendBack',
  /** Participants were told (how, when), from the reminder after sign-off. */
  told: 'records.told',
} as const;
