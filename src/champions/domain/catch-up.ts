import { type Champion, directorateLabelOf } from './champion.js';
import type { ChampionInvolvement } from './involvement.js';

export interface CatchUpSummary {
  readonly fromDateKey: string;
  readonly toDateKey: string;
  /** Active champions, and how many of them answered (not snoozed) in the period. */
  readonly champions: number;
  readonly answered: number;
  readonly peopleInvolved: number;
  readonly highlights: readonly {
    readonly directorate: string;
    readonly project: string;
    readonly shaped: string;
    readonly rungId: string;
  }[];
}

/** What the champions' six-weekly catch-up card shows: who answered, and what patients shaped, newest first. */
export function summariseCatchUp(
  champions: readonly Champion[],
  involvement: readonly ChampionInvolvement[],
  from: Date,
  to: Date,
  range: { fromDateKey: string; toDateKey: string },
): CatchUpSummary {
  const active = champions.filter((c) => c.status === 'active');
  const answered = active.filter((c) => {
    const at = c.lastResponseAt ? new Date(c.lastResponseAt) : undefined;
    return at !== undefined && at >= from && at <= to;
  }).length;
  const labels = new Map(champions.map((c) => [c.directorate, directorateLabelOf(c)]));
  const sorted = [...involvement].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return {
    ...range,
    champions: active.length,
    answered,
    peopleInvolved: involvement.reduce((sum, i) => sum + i.peopleCount, 0),
    highlights: sorted.map((i) => ({
      directorate: labels.get(i.directorate) ?? i.directorate,
      project: i.projectName,
      shaped: i.whatPatientsShaped,
      rungId: i.rungId,
    })),
  };
}
