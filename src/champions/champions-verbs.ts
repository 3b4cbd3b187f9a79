/** Action.Execute verbs of the champions feature, shared by the card builders and the routes. */
export const ChampionVerb = {
  log: 'nudge.log',
  nothing: 'nudge.nothing',
  snooze: 'nudge.snooze',
  deputy: 'nudge.deputy',
} as const;
