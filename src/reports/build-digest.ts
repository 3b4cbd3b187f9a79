import type { Period } from '../calendar/period.js';
import { isApproved, type RecordDoc } from '../records/domain/record-doc.js';
import { findChoice, labelOf, referenceData } from '../reference-data/reference-data.js';
import type { PeriodInputs } from './period-inputs.js';

export interface DigestItem {
  readonly date: string;
  readonly directorate: string;
  readonly youSaid: string;
  /** "We did: …" or "Could not change: …" */
  readonly outcome: string;
  readonly status: string;
  readonly joint: boolean;
}

export interface CategoryTotal {
  readonly category: string;
  readonly activities: number;
  readonly people: number;
}

export interface FeedbackTotals {
  readonly surveys: number;
  readonly responses: number;
  /** Averages weighted by forms returned, one decimal; undefined with no responses. */
  readonly valued?: number;
  readonly impact?: number;
}

export interface Digest {
  readonly period: Period;
  readonly directorate?: string;
  readonly items: readonly DigestItem[];
  readonly engagement: readonly CategoryTotal[];
  readonly peopleReached: number;
  readonly feedback: FeedbackTotals;
  readonly pirsReceived: number;
  readonly pirsAssessed: number;
  /** Requests received in the period by the rung their lead planned, bottom rung first. */
  readonly rungs: readonly { readonly rung: string; readonly count: number }[];
  readonly champions: { readonly active: number; readonly answered: number };
  readonly isEmpty: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const within = (period: Period, iso: string | undefined) =>
  iso !== undefined && iso.slice(0, 10) >= period.startKey && iso.slice(0, 10) <= period.endKey;

export function digestItem(doc: RecordDoc): DigestItem {
  const v = doc.values;
  return {
    date: doc.date,
    directorate: labelOf(referenceData.directorates, doc.directorate),
    youSaid: text(v.youSaid),
    outcome: v.outcome === 'we-did' ? `We did: ${text(v.weDid)}` : `Could not change: ${text(v.whyNot)}`,
    status: text(v.status),
    joint: v.joint === true,
  };
}

export function feedbackTotals(docs: readonly RecordDoc[]): FeedbackTotals {
  const responses = docs.reduce((sum, d) => sum + num(d.values.responses), 0);
  const weighted = (key: string) =>
    responses === 0
      ? undefined
      : Math.round((docs.reduce((sum, d) => sum + num(d.values[key]) * num(d.values.responses), 0) / responses) * 10) /
        10;
  const valued = weighted('valued');
  const impact = weighted('impact');
  return {
    surveys: docs.length,
    responses,
    ...(valued !== undefined ? { valued } : {}),
    ...(impact !== undefined ? { impact } : {}),
  };
}

export function engagementTotals(inputs: Pick<PeriodInputs, 'engagement' | 'involvement'>): CategoryTotal[] {
  const totals = referenceData.engagementCategories.map((c) => {
    const docs = inputs.engagement.filter((d) => d.category === c.id);
    return { category: c.label, activities: docs.length, people: docs.reduce((s, d) => s + num(d.values.people), 0) };
  });
  const champions = {
    category: 'Reported by partnership champions',
    activities: inputs.involvement.length,
    people: inputs.involvement.reduce((s, i) => s + i.peopleCount, 0),
  };
  return [...totals, champions].filter((t) => t.activities > 0);
}

/**
 * The "You said, we did" digest for a period (seed 002: the six-monthly report; DOMAIN: digests for managers),
 * optionally for one directorate: signed-off items newest first, engagement by category, feedback scores,
 * requests received and assessed with the planned ladder rungs, and the champions' response rate.
 */
export function buildDigest(inputs: PeriodInputs, filter: { readonly directorate?: string } = {}): Digest {
  const { period } = inputs;
  const dir = <T>(list: readonly T[], of: (x: T) => string | undefined) =>
    filter.directorate ? list.filter((x) => of(x) === filter.directorate) : list;
  const items = dir(inputs.yswd, (d) => d.directorate)
    .filter(isApproved)
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt))
    .map(digestItem);
  const engagement = engagementTotals({
    engagement: dir(inputs.engagement, (d) => d.directorate),
    involvement: dir(inputs.involvement, (i) => i.directorate),
  });
  const feedback = feedbackTotals(dir(inputs.feedback, (d) => d.directorate));
  const pirs = dir(inputs.pirs, (p) => p.answers.directorate);
  const received = pirs.filter((p) => within(period, p.submittedAt));
  const assessed = pirs.filter((p) => within(period, p.assessment.decidedAt));
  const rungs = [...referenceData.ladderRungs]
    .sort((a, b) => a.order - b.order)
    .map((r) => ({ rung: r.label, count: received.filter((p) => p.answers.rung === r.id).length }))
    .filter((r) => r.count > 0);
  const champions = dir(inputs.champions, (c) => c.directorate).filter((c) => c.active);
  const answered = champions.filter((c) => within(period, c.lastResponseAt)).length;
  const peopleReached = engagement.reduce((s, t) => s + t.people, 0);
  const isEmpty =
    items.length === 0 &&
    engagement.length === 0 &&
    feedback.surveys === 0 &&
    received.length === 0 &&
    assessed.length === 0;
  const directorate = filter.directorate
    ? (findChoice(referenceData.directorates, filter.directorate)?.label ?? filter.directorate)
    : undefined;
  return {
    period,
    ...(directorate ? { directorate } : {}),
    items,
    engagement,
    peopleReached,
    feedback,
    pirsReceived: received.length,
    pirsAssessed: assessed.length,
    rungs,
    champions: { active: champions.length, answered },
    isEmpty,
  };
}
