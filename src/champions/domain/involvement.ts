/**
 * A champion's "log involvement" answer, handed to the engagement records. `id` is derived from the champion and
 * cycle, so recording the same answer twice (a double click, a retry) keeps one record.
 */
export interface ChampionInvolvement {
  readonly id: string;
  readonly directorate: string;
  readonly projectName: string;
  readonly whatPatientsShaped: string;
  readonly rungId: string;
  readonly peopleCount: number;
  /** London date (YYYY-MM-DD) the answer was given. */
  readonly activityDate: string;
  readonly recordedBy: { readonly id: string; readonly name: string };
  readonly recordedAt: string;
}
