/** Action.Execute verbs of help and the welcome, shared by the card builders and the routes. */
export const HelpVerb = {
  /** Shows a view of help (a role's menu, everything) in place of the clicked card. */
  show: 'help.show',
  /** Runs a command as if typed; the card it was on stays (help's buttons) or says what was chosen. */
  run: 'help.run',
} as const;
