/** Action.Execute verbs of the request lifecycle, shared by the card builders and the routes. */
export const LifecycleVerb = {
  /** Open the close-out (start it, or carry on where it was left). */
  closeOut: 'closeout.open',
  next: 'closeout.next',
  back: 'closeout.back',
  save: 'closeout.save',
  edit: 'closeout.edit',
  submit: 'closeout.submit',
  /** The check-in's answers: it runs on until a date, or it stopped. */
  extend: 'checkin.extend',
  stop: 'checkin.stop',
  conditionMet: 'project.conditionMet',
  /** The PPI team's review of a close-out. */
  accept: 'closeout.review.accept',
  more: 'closeout.review.more',
  evaluation: 'closeout.review.evaluation',
} as const;
