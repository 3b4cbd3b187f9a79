import { londonDateKey } from '../../calendar/london-time.js';
import type { Period } from '../../calendar/period.js';
import type { ChampionFacts, CheckInFacts, ListEntry } from '../store/period-inputs.js';
import { labelFrom } from './labels.js';

/** Answers that count as a response: the champion said what happened (or that there was no relevant work). */
const ANSWERED: ReadonlySet<CheckInFacts['outcome']> = new Set(['involvement', 'why-not', 'no-relevant-work']);

export interface ResponseFigures {
  /** Champions with at least one check-in that fell due in the period. */
  readonly asked: number;
  /** …of whom answered at least one of those check-ins (whenever they answered). */
  readonly answered: number;
  readonly checkInsDue: number;
  readonly checkInsAnswered: number;
}

export interface DirectorateResponse extends ResponseFigures {
  readonly directorate: string;
}

export interface ChampionResponse extends ResponseFigures {
  /** Champions registered and not paused now. */
  readonly activeNow: number;
  readonly byDirectorate: readonly DirectorateResponse[];
  /** True when a champion's kept check-ins start after the period began (older ones were dropped). */
  readonly historyIncomplete: boolean;
}

/** A champion's "why not?": work went ahead without patients, in their words. */
export interface WhyNotReason {
  readonly directorate: string;
  readonly reason: string;
  /** London date the check-in fell due, and the date it was answered. */
  readonly dueOn: string;
  readonly answeredOn: string;
}

const dueIn = (period: Period, c: CheckInFacts) => {
  const day = londonDateKey(new Date(c.dueAt));
  return day >= period.startKey && day <= period.endKey;
};

function figures(champions: readonly ChampionFacts[], period: Period): ResponseFigures {
  let asked = 0;
  let answered = 0;
  let checkInsDue = 0;
  let checkInsAnswered = 0;
  for (const champion of champions) {
    const due = champion.checkIns.filter((c) => dueIn(period, c));
    const done = due.filter((c) => ANSWERED.has(c.outcome));
    checkInsDue += due.length;
    checkInsAnswered += done.length;
    if (due.length > 0) asked++;
    if (done.length > 0) answered++;
  }
  return { asked, answered, checkInsDue, checkInsAnswered };
}

/**
 * The champions' response for a period. A champion counts only for check-ins that fell due in it (by London date): one
 * registered mid-quarter counts from their first check-in, and an answer given after the period ends still counts for
 * the period its check-in fell due in. A snoozed check-in is asked but not answered.
 */
export function championResponse(
  champions: readonly ChampionFacts[],
  period: Period,
  directorates: readonly ListEntry[],
): ChampionResponse {
  const label = (c: ChampionFacts) => labelFrom(directorates, c.directorate, c.directorateLabel);
  const names = [...new Set(champions.map(label))].sort((a, b) => a.localeCompare(b));
  const byDirectorate = names
    .map((directorate) => ({
      directorate,
      ...figures(
        champions.filter((c) => label(c) === directorate),
        period,
      ),
    }))
    .filter((d) => d.checkInsDue > 0);
  return {
    ...figures(champions, period),
    activeNow: champions.filter((c) => c.active).length,
    byDirectorate,
    historyIncomplete: champions.some(
      (c) => c.keptAfter !== undefined && londonDateKey(new Date(c.keptAfter)) >= period.startKey,
    ),
  };
}

/** Every "why not?" from every check-in that fell due in the period, oldest first: a later check-in hides none. */
export function whyNotReasons(
  champions: readonly ChampionFacts[],
  period: Period,
  directorates: readonly ListEntry[],
): WhyNotReason[] {
  return champions
    .flatMap((champion) =>
      champion.checkIns
        .filter((c) => dueIn(period, c) && c.outcome === 'why-not' && c.whyNot)
        .map((c) => ({
          directorate: labelFrom(directorates, champion.directorate, champion.directorateLabel),
          reason: c.whyNot ?? '',
          dueOn: londonDateKey(new Date(c.dueAt)),
          answeredOn: c.answeredAt ? londonDateKey(new Date(c.answeredAt)) : '',
        })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.directorate.localeCompare(b.directorate));
}
