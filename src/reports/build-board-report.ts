import type { Period } from '../calendar/period.js';
import { STATUS_LABELS } from '../pir/domain/pir.js';
import { isApproved } from '../records/domain/record-doc.js';
import { findChoice, labelOf, referenceData } from '../reference-data/reference-data.js';
import {
  type CategoryTotal,
  type DigestItem,
  digestItem,
  engagementTotals,
  type FeedbackTotals,
  feedbackTotals,
} from './build-digest.js';
import type { PeriodInputs } from './period-inputs.js';

export interface Count {
  readonly label: string;
  readonly count: number;
}

export interface BoardReport {
  readonly period: Period;
  readonly pirsReceived: number;
  readonly byStatus: readonly Count[];
  readonly byDirectorate: readonly Count[];
  /** Per rung: requests received planning it, and requests assessed with it as the PPI team's expectation. */
  readonly rungs: readonly { readonly rung: string; readonly planned: number; readonly expected: number }[];
  /** Requests planning no real involvement (informing or below), with the reason the lead gave. */
  readonly noInvolvement: readonly { readonly reference: string; readonly title: string; readonly reason: string }[];
  /** Champions who had nothing to report in the quarter, and why. */
  readonly nothingToReport: readonly { readonly directorate: string; readonly reason: string }[];
  readonly engagement: readonly CategoryTotal[];
  readonly peopleReached: number;
  readonly feedback: FeedbackTotals;
  readonly approvedItems: number;
  /** "We said, we did" first, then newest. */
  readonly highlights: readonly DigestItem[];
  readonly champions: { readonly active: number; readonly answered: number };
}

const within = (period: Period, iso: string | undefined) =>
  iso !== undefined && iso.slice(0, 10) >= period.startKey && iso.slice(0, 10) <= period.endKey;

function countBy<T>(items: readonly T[], key: (item: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The quarterly Trust Board PPI update (seed 000 §11): everything as plain figures, for a card and a CSV. */
export function buildBoardReport(inputs: PeriodInputs): BoardReport {
  const { period } = inputs;
  const received = inputs.pirs.filter((p) => within(period, p.submittedAt));
  const assessed = inputs.pirs.filter((p) => within(period, p.assessment.decidedAt));
  const ladder = [...referenceData.ladderRungs].sort((a, b) => a.order - b.order);
  const informing = findChoice(referenceData.ladderRungs, 'informing')?.order ?? 3;
  const approved = inputs.yswd.filter(isApproved);
  const highlights = [...approved]
    .sort((a, b) => Number(b.values.joint === true) - Number(a.values.joint === true) || b.date.localeCompare(a.date))
    .slice(0, 5)
    .map(digestItem);
  const engagement = engagementTotals(inputs);
  const champions = inputs.champions.filter((c) => c.active);
  return {
    period,
    pirsReceived: received.length,
    byStatus: countBy(received, (p) => STATUS_LABELS[p.status]),
    byDirectorate: countBy(received, (p) => labelOf(referenceData.directorates, p.answers.directorate ?? 'not given')),
    rungs: ladder
      .map((r) => ({
        rung: r.label,
        planned: received.filter((p) => p.answers.rung === r.id).length,
        expected: assessed.filter((p) => p.assessment.expectedRung === r.id).length,
      }))
      .filter((r) => r.planned + r.expected > 0),
    noInvolvement: received
      .filter((p) => (findChoice(referenceData.ladderRungs, p.answers.rung ?? '')?.order ?? 0) <= informing)
      .map((p) => ({
        reference: p.reference ?? p.id,
        title: p.answers.title ?? '',
        reason: p.answers.notOpenToInfluence ?? 'No reason given',
      })),
    nothingToReport: champions
      .filter((c) => c.nothingToReport && within(period, c.nothingToReport.at))
      .map((c) => ({
        directorate: labelOf(referenceData.directorates, c.directorate),
        reason: c.nothingToReport?.whyNot ?? '',
      })),
    engagement,
    peopleReached: engagement.reduce((s, t) => s + t.people, 0),
    feedback: feedbackTotals(inputs.feedback),
    approvedItems: approved.length,
    highlights,
    champions: { active: champions.length, answered: champions.filter((c) => within(period, c.lastResponseAt)).length },
  };
}
