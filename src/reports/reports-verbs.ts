/** Action.Execute verbs of the quarterly report, shared by the card builder and the route. */
export const ReportVerb = {
  /** "Another quarter" on the report card: the quarter chosen, in place of the card. */
  quarter: 'reports.quarter',
} as const;
