import type { Period } from '../../calendar/period.js';
import type { Pir } from '../../pir/domain/pir.js';
import { isApproved, type RecordDoc } from '../../records/domain/record-doc.js';
import type { PeriodInputs } from '../store/period-inputs.js';
import { championResponse } from './champion-response.js';
import { type Labels, labelFrom } from './labels.js';
import { peopleReached } from './people-reached.js';
import { isTopThree, within } from './request-figures.js';

/** One row of the breakdown by directorate / CMG or by Quality Strategy priority (seed 000 §11.1). */
export interface BreakdownRow {
  readonly label: string;
  readonly requests: number;
  /** Requests planning one of the top three rungs. */
  readonly topThree: number;
  readonly activities: number;
  readonly people: number;
  readonly signedOff: number;
  /** Directorates only: champions' check-ins due in the period and answered. */
  readonly checkInsDue?: number;
  readonly checkInsAnswered?: number;
}

export const NOT_LINKED = 'Not linked to a request';

const byLabel = (a: BreakdownRow, b: BreakdownRow) => a.label.localeCompare(b.label);
const hasAny = (r: BreakdownRow) => r.requests + r.activities + r.people + r.signedOff + (r.checkInsDue ?? 0) > 0;

/** By directorate / CMG: every directorate with anything in the period, labelled (retired and unknown ids too). */
export function byDirectorate(inputs: PeriodInputs, labels: Labels): BreakdownRow[] {
  const { period } = inputs;
  const received = inputs.pirs.filter((p) => within(period, p.submittedAt));
  const ids = new Set<string>([
    ...received.map((p) => p.answers.directorate ?? ''),
    ...inputs.engagement.map((d) => d.directorate),
    ...inputs.involvement.map((i) => i.directorate),
    ...inputs.yswd.filter(isApproved).map((d) => d.directorate),
    ...inputs.champions.map((c) => c.directorate),
  ]);
  return [...ids]
    .map((id) => {
      const mine = <T>(list: readonly T[], of: (x: T) => string | undefined) =>
        list.filter((x) => (of(x) ?? '') === id);
      const requests = mine(received, (p) => p.answers.directorate);
      const champions = mine(inputs.champions, (c) => c.directorate);
      const response = championResponse(champions, period, inputs.lists.directorates);
      const reached = peopleReached(
        mine(inputs.engagement, (d) => d.directorate),
        mine(inputs.involvement, (i) => i.directorate),
      );
      const kept = champions.find((c) => c.directorateLabel)?.directorateLabel;
      return {
        label: kept ? labelFrom(inputs.lists.directorates, id, kept) : labels.directorate(id),
        requests: requests.length,
        topThree: requests.filter((p) => isTopThree(p.answers.rung)).length,
        activities: reached.byCategory.reduce((s, t) => s + t.activities, 0),
        people: reached.total,
        signedOff: mine(inputs.yswd, (d) => d.directorate).filter(isApproved).length,
        checkInsDue: response.checkInsDue,
        checkInsAnswered: response.checkInsAnswered,
      };
    })
    .filter(hasAny)
    .sort(byLabel);
}

function requestNamed(doc: RecordDoc, pirs: readonly Pir[]): Pir | undefined {
  const ref = doc.values.pirReference;
  if (typeof ref !== 'string') return undefined;
  return pirs.find((p) => p.reference?.toUpperCase() === ref.toUpperCase());
}

/**
 * By Quality Strategy priority: requests received by the priority they serve; engagement records and signed-off
 * "You said, we did" items by the priority of the request they name ("Not linked to a request" otherwise).
 * Champions' logs name no request, so they are not in this breakdown.
 */
export function byQualityPriority(inputs: PeriodInputs, labels: Labels, period: Period): BreakdownRow[] {
  const received = inputs.pirs.filter((p) => within(period, p.submittedAt));
  const priorityOf = (doc: RecordDoc) => {
    const pir = requestNamed(doc, inputs.pirs);
    return pir ? labels.qualityPriority(pir.answers.qualityPriority) : NOT_LINKED;
  };
  const approved = inputs.yswd.filter(isApproved);
  const names = new Set<string>([
    ...received.map((p) => labels.qualityPriority(p.answers.qualityPriority)),
    ...inputs.engagement.map(priorityOf),
    ...approved.map(priorityOf),
  ]);
  return [...names]
    .map((label) => {
      const requests = received.filter((p) => labels.qualityPriority(p.answers.qualityPriority) === label);
      const reached = peopleReached(
        inputs.engagement.filter((d) => priorityOf(d) === label),
        [],
      );
      return {
        label,
        requests: requests.length,
        topThree: requests.filter((p) => isTopThree(p.answers.rung)).length,
        activities: reached.byCategory.reduce((s, t) => s + t.activities, 0),
        people: reached.total,
        signedOff: approved.filter((d) => priorityOf(d) === label).length,
      };
    })
    .filter(hasAny)
    .sort((a, b) => Number(a.label === NOT_LINKED) - Number(b.label === NOT_LINKED) || byLabel(a, b));
}
