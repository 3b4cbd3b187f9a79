import type { ListEntry } from '../../reference-data/reference-data.js';
import { type Champion, directorateLabelOf, type NudgeCycle } from './champion.js';
import type { ChampionInvolvement } from './involvement.js';

interface Said {
  readonly directorate: string;
  readonly text: string;
}

/**
 * The champions' six-weekly catch-up: "ideas, challenges and achievements" (the champion role). Achievements are the
 * involvement logged, challenges the reasons why work went ahead without patients, ideas what champions offered.
 */
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
  readonly challenges: readonly Said[];
  readonly ideas: readonly Said[];
}

const within = (at: string | undefined, from: Date, to: Date) => {
  const when = at ? new Date(at) : undefined;
  return when !== undefined && when >= from && when <= to;
};

/** What the champions' catch-up card shows for a period, newest first. */
export function summariseCatchUp(
  champions: readonly Champion[],
  involvement: readonly ChampionInvolvement[],
  directorates: readonly ListEntry[],
  from: Date,
  to: Date,
  range: { fromDateKey: string; toDateKey: string },
): CatchUpSummary {
  const active = champions.filter((c) => c.status === 'active');
  const answered = active.filter((c) => within(c.lastResponseAt, from, to)).length;
  const name = (id: string) => directorateLabelOf({ directorate: id }, directorates);
  const labels = new Map(champions.map((c) => [c.directorate, directorateLabelOf(c, directorates)]));
  const sorted = [...involvement].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const answers = champions
    .flatMap((c) => [...(c.pastCycles ?? []), ...(c.cycle ? [c.cycle] : [])].map((cycle) => ({ c, cycle })))
    .filter(({ cycle }) => within(cycle.answeredAt, from, to))
    .sort((a, b) => (b.cycle.answeredAt ?? '').localeCompare(a.cycle.answeredAt ?? ''));
  const said = (pick: (cycle: NudgeCycle) => string | undefined): Said[] =>
    answers.flatMap(({ c, cycle }) => {
      const text = pick(cycle);
      return text ? [{ directorate: labels.get(c.directorate) ?? name(c.directorate), text }] : [];
    });
  return {
    ...range,
    champions: active.length,
    answered,
    peopleInvolved: involvement.reduce((sum, i) => sum + i.peopleCount, 0),
    highlights: sorted.map((i) => ({
      directorate: labels.get(i.directorate) ?? name(i.directorate),
      project: i.projectName,
      shaped: i.whatPatientsShaped,
      rungId: i.rungId,
    })),
    challenges: said((cycle) => (cycle.answer === 'without-patients' ? cycle.whyNot : undefined)),
    ideas: said((cycle) => cycle.idea),
  };
}
