/** Action.Execute verbs of the request flow, shared by the card builders and the routes. */
export const PirVerb = {
  start: 'pir.start',
  list: 'pir.list',
  resume: 'pir.resume',
  next: 'pir.next',
  back: 'pir.back',
  save: 'pir.save',
  edit: 'pir.edit',
  submit: 'pir.submit',
  /** A request's status from a list (`status` with no reference). */
  status: 'pir.status',
  /** Discard a draft: asks first; `discardConfirmed` deletes it. */
  discard: 'pir.discard',
  discardConfirmed: 'pir.discard.confirmed',
  assignMe: 'pir.assess.assignMe',
  assign: 'pir.assess.assign',
  decide: 'pir.assess.decide',
  details: 'pir.assess.details',
  summary: 'pir.assess.summary',
  open: 'pir.assess.open',
  requests: 'pir.assess.requests',
} as const;
