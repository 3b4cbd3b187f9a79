import { addLondonDays, fromLondonLocal, londonDateKey, parseDateKey } from '../../calendar/london-time.js';
import type { Period } from '../../calendar/period.js';
import { STAGE_LABELS, stageAt } from '../../lifecycle/domain/stage.js';
import type { Pir } from '../../pir/domain/pir.js';
import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import type { CloseOutFacts } from '../store/period-inputs.js';
import type { Count } from './feedback-results.js';
import type { Labels } from './labels.js';

export interface RungRow {
  readonly id: string;
  readonly rung: string;
  readonly topThree: boolean;
  /** Requests received in the period, by the rung their lead planned. */
  readonly planned: number;
  /** Requests assessed in the period, by the rung the PPI team expects. */
  readonly expected: number;
  /** Projects closed in the period, by the rung actually reached (from close-outs). */
  readonly achieved: number;
}

export type RungBasis = 'reached' | 'expected by the PPI team' | 'planned by the lead' | 'not given';

/** A request whose involvement sits below the top three rungs (engagement, co-design, co-production). */
export interface LimitedInvolvement {
  readonly reference: string;
  readonly title: string;
  readonly directorate: string;
  readonly rung: string;
  readonly basis: RungBasis;
}

/** What a request said could not be influenced by patients, and who decides (the impact section's "could not change"). */
export interface NotOpenToInfluence {
  readonly reference: string;
  readonly title: string;
  readonly decisions: string;
  readonly whoDecides: string;
}

export interface RequestFigures {
  readonly received: number;
  readonly assessed: number;
  /** Requests received in the period, by the stage they stood at when it ended (or today, while it runs). */
  readonly byStage: readonly Count[];
  readonly rungs: readonly RungRow[];
  readonly topThreePlanned: number;
  readonly limited: readonly LimitedInvolvement[];
  readonly notOpenToInfluence: readonly NotOpenToInfluence[];
  /** Groups named as disproportionately affected by requests received (PIR question 5), most named first. */
  readonly affectedGroups: readonly Count[];
  readonly namingAffectedGroups: number;
  readonly withEngagementPlans: number;
  /** PPI team support asked for by requests received. */
  readonly supportAsked: readonly Count[];
}

/** The London date of a date key ('2026-10-01') or of an instant ('2026-09-30T23:30:00Z' is 1 October in BST). */
export function londonDayOf(dateOrInstant: string): string {
  return dateOrInstant.length === 10 ? dateOrInstant : londonDateKey(new Date(dateOrInstant));
}

/** Whether a date or instant falls in the period, by UK date. */
export function within(period: Period, dateOrInstant: string | undefined): boolean {
  if (dateOrInstant === undefined || Number.isNaN(Date.parse(dateOrInstant))) return false;
  const day = londonDayOf(dateOrInstant);
  return day >= period.startKey && day <= period.endKey;
}

/** Where requests are counted to stand: the end of the period (its last moment, London time), or now if sooner. */
export function asOf(period: Period, now: Date): Date {
  const { year, month, day } = parseDateKey(addLondonDays(period.endKey, 1));
  const end = new Date(fromLondonLocal(year, month, day, 0, 0).getTime() - 1);
  return end < now ? end : now;
}

export function countBy<T>(items: readonly T[], key: (item: T) => readonly string[] | string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const keys = key(item);
    for (const k of typeof keys === 'string' ? [keys] : keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const rung = (id: string | undefined) => (id ? findChoice(referenceData.ladderRungs, id) : undefined);
const FIRST_PLANNABLE_ORDER = rung('informing')?.order ?? 3;

/** The furthest-on evidence of a request's rung: reached at close-out, else expected, else planned. */
export function rungOf(pir: Pir, closeOut: CloseOutFacts | undefined): { id?: string; basis: RungBasis } {
  if (closeOut?.achievedRung) return { id: closeOut.achievedRung, basis: 'reached' };
  if (pir.assessment.expectedRung) return { id: pir.assessment.expectedRung, basis: 'expected by the PPI team' };
  if (pir.answers.rung) return { id: pir.answers.rung, basis: 'planned by the lead' };
  return { basis: 'not given' };
}

export function isTopThree(id: string | undefined): boolean {
  return rung(id)?.topThree === true;
}

const listLabels = (ids: readonly string[] | undefined, list: readonly { id: string; label: string }[]) =>
  (ids ?? []).map((id) => labelOf(list, id));

/** The requests side of the quarter: received, assessed, stage, rungs, limited involvement and equality answers. */
export function requestFigures(
  pirs: readonly Pir[],
  closeOuts: readonly CloseOutFacts[],
  period: Period,
  labels: Labels,
  at: Date,
): RequestFigures {
  const received = pirs.filter((p) => within(period, p.submittedAt));
  const assessed = pirs.filter((p) => within(period, p.assessment.decidedAt));
  const closedIn = closeOuts.filter((c) => within(period, c.closedAt));
  const closeOutOf = (p: Pir) => closeOuts.find((c) => c.reference === p.reference);
  const rungs = referenceData.ladderRungs
    .map((r) => ({
      id: r.id,
      rung: r.label,
      topThree: r.topThree,
      planned: received.filter((p) => p.answers.rung === r.id).length,
      expected: assessed.filter((p) => p.assessment.expectedRung === r.id).length,
      achieved: closedIn.filter((c) => c.achievedRung === r.id).length,
    }))
    // Informing upwards always (the rungs a plan can take); Coercion and Educating only when something sits there.
    .filter((r) => (rung(r.id)?.order ?? 0) >= FIRST_PLANNABLE_ORDER || r.planned + r.expected + r.achieved > 0);
  const limited = received
    .map((p) => ({ p, at: rungOf(p, closeOutOf(p)) }))
    .filter(({ at }) => !isTopThree(at.id))
    .map(({ p, at }) => ({
      reference: p.reference ?? p.id,
      title: p.answers.title ?? '',
      directorate: labels.directorate(p.answers.directorate),
      rung: at.id ? labelOf(referenceData.ladderRungs, at.id) : 'Not given',
      basis: at.basis,
    }));
  const naming = received.filter(
    (p) => (p.answers.protectedCharacteristics?.length ?? 0) + (p.answers.seldomHeardGroups?.length ?? 0) > 0,
  );
  return {
    received: received.length,
    assessed: assessed.length,
    byStage: countBy(received, (p) => STAGE_LABELS[stageAt(p, at)]),
    rungs,
    topThreePlanned: received.filter((p) => isTopThree(p.answers.rung)).length,
    limited,
    notOpenToInfluence: received
      .filter((p) => (p.answers.notOpenToInfluence ?? '').trim() !== '')
      .map((p) => ({
        reference: p.reference ?? p.id,
        title: p.answers.title ?? '',
        decisions: p.answers.notOpenToInfluence ?? '',
        whoDecides: p.answers.whoDecides ?? '',
      })),
    affectedGroups: countBy(received, (p) => [
      ...listLabels(p.answers.protectedCharacteristics, referenceData.protectedCharacteristics),
      ...listLabels(p.answers.seldomHeardGroups, referenceData.seldomHeardGroups),
    ]),
    namingAffectedGroups: naming.length,
    withEngagementPlans: naming.filter((p) => (p.answers.equalityPlans ?? '').trim() !== '').length,
    supportAsked: countBy(received, (p) => listLabels(p.answers.support, referenceData.ppiSupportOptions)),
  };
}
