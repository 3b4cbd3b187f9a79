/** Action.Execute verbs of the champions feature, shared by the card builders and the routes. */
export const ChampionVerb = {
  log: 'nudge.log',
  /** Work went ahead without patients, and why not (cards sent before the split called it "Nothing to report"). */
  nothing: 'nudge.nothing',
  noWork: 'nudge.noWork',
  snooze: 'nudge.snooze',
  deputy: 'nudge.deputy',
  /** The directorate chosen on `I'm a champion`'s picker. */
  register: 'champion.register',
  /** The deputy chosen on `my deputy`'s people picker (1:1 chat). */
  deputyPicked: 'champion.deputy.picked',
} as const;
