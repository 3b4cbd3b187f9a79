import type { Period } from '../../calendar/period.js';
import { isApproved, type RecordDoc } from '../../records/domain/record-doc.js';
import { referenceData } from '../../reference-data/reference-data.js';
import type { DigestInputs } from '../store/period-inputs.js';
import { championResponse } from './champion-response.js';
import { type Labels, labelsOf } from './labels.js';
import { type CategoryTotal, peopleReached } from './people-reached.js';
import { within } from './request-figures.js';

export interface DigestItem {
  readonly date: string;
  readonly directorate: string;
  readonly youSaid: string;
  /** "We did: …" or "Could not change: …" */
  readonly outcome: string;
  readonly couldNotChange: boolean;
  readonly status: string;
  readonly joint: boolean;
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
  /** Champions with a check-in due in the period, and how many of them answered it. */
  readonly champions: { readonly asked: number; readonly answered: number };
  readonly isEmpty: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export function digestItem(doc: RecordDoc, labels: Labels): DigestItem {
  const v = doc.values;
  const couldNotChange = v.outcome !== 'we-did';
  return {
    date: doc.date,
    directorate: labels.directorate(doc.directorate),
    youSaid: text(v.youSaid),
    outcome: couldNotChange ? `Could not change: ${text(v.whyNot)}` : `We did: ${text(v.weDid)}`,
    couldNotChange,
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

/**
 * The "You said, we did" digest for a period (seed 002: the six-monthly report; DOMAIN: digests for managers),
 * optionally for one directorate: signed-off items newest first, engagement by category (each event counted once),
 * feedback scores, requests received and assessed with the planned ladder rungs, and the champions' response.
 */
export function buildDigest(inputs: DigestInputs, filter: { readonly directorate?: string } = {}): Digest {
  const { period } = inputs;
  const labels = labelsOf(inputs.lists);
  const dir = <T>(list: readonly T[], of: (x: T) => string | undefined) =>
    filter.directorate ? list.filter((x) => of(x) === filter.directorate) : list;
  const items = dir(inputs.yswd, (d) => d.directorate)
    .filter(isApproved)
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt))
    .map((d) => digestItem(d, labels));
  const reached = peopleReached(
    dir(inputs.engagement, (d) => d.directorate),
    dir(inputs.involvement, (i) => i.directorate),
  );
  const feedback = feedbackTotals(dir(inputs.feedback, (d) => d.directorate));
  const pirs = dir(inputs.pirs, (p) => p.answers.directorate);
  const received = pirs.filter((p) => within(period, p.submittedAt));
  const assessed = pirs.filter((p) => within(period, p.assessment.decidedAt));
  const rungs = referenceData.ladderRungs
    .map((r) => ({ rung: r.label, count: received.filter((p) => p.answers.rung === r.id).length }))
    .filter((r) => r.count > 0);
  const response = championResponse(
    dir(inputs.champions, (c) => c.directorate),
    period,
    inputs.lists.directorates,
  );
  const isEmpty =
    items.length === 0 &&
    reached.byCategory.length === 0 &&
    feedback.surveys === 0 &&
    received.length === 0 &&
    assessed.length === 0;
  return {
    period,
    ...(filter.directorate ? { directorate: labels.directorate(filter.directorate) } : {}),
    items,
    engagement: reached.byCategory,
    peopleReached: reached.total,
    feedback,
    pirsReceived: received.length,
    pirsAssessed: assessed.length,
    rungs,
    champions: { asked: response.asked, answered: response.answered },
    isEmpty,
  };
}
