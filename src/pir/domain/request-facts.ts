import { londonDateKey } from '../../calendar/london-time.js';
import type { Pir } from './pir.js';

/**
 * What a digest counts of a request, kept where a period's range query finds it (the `PirMonths` index): when it
 * was submitted and decided, its directorate, the rung the lead planned and the PPI team expects, and its status.
 * A structural part of `Pir`, so a whole request can stand wherever facts are wanted.
 */
export interface RequestFacts {
  readonly reference?: string;
  readonly status: Pir['status'];
  readonly submittedAt?: string;
  readonly answers: { readonly directorate?: string; readonly rung?: string };
  readonly assessment: { readonly decidedAt?: string; readonly expectedRung?: string };
}

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function requestFactsOf(pir: RequestFacts): RequestFacts {
  return defined({
    reference: pir.reference,
    status: pir.status,
    submittedAt: pir.submittedAt,
    answers: defined({ directorate: pir.answers.directorate, rung: pir.answers.rung }),
    assessment: defined({ decidedAt: pir.assessment.decidedAt, expectedRung: pir.assessment.expectedRung }),
  });
}

const monthOf = (instant: string | undefined) => {
  if (instant === undefined || Number.isNaN(Date.parse(instant))) return undefined;
  return londonDateKey(new Date(instant)).slice(0, 7);
};

/** The London months (`YYYY-MM`) in which a period would count the request: submitted, decided. Oldest first. */
export function factMonthsOf(facts: RequestFacts | undefined): string[] {
  if (!facts) return [];
  const months = [monthOf(facts.submittedAt), monthOf(facts.assessment.decidedAt)];
  return [...new Set(months.filter((m): m is string => m !== undefined))].sort();
}

export function sameFacts(a: RequestFacts | undefined, b: RequestFacts | undefined): boolean {
  return JSON.stringify(a && requestFactsOf(a)) === JSON.stringify(b && requestFactsOf(b));
}

/**
 * A stored `PirMonths` row as the bot reads it today (the tolerant reader): `written` rows carry the request's facts
 * as saved; anything else (a row marked while the request was being written, a row of an older shape) is `unsure`,
 * and the reader reads the request itself.
 */
export type MonthRow =
  | { readonly state: 'written'; readonly leadId: string; readonly pirId: string; readonly facts: RequestFacts }
  | { readonly state: 'writing'; readonly leadId: string; readonly pirId: string };

export function readMonthRow(raw: unknown): MonthRow | undefined {
  const row = (raw ?? {}) as Partial<Record<string, unknown>>;
  const { leadId, pirId } = row;
  if (typeof leadId !== 'string' || typeof pirId !== 'string') return undefined;
  const facts = row.facts as Partial<RequestFacts> | undefined;
  const readable =
    row.state === 'written' &&
    typeof facts?.status === 'string' &&
    typeof facts.answers === 'object' &&
    facts.answers !== null &&
    typeof facts.assessment === 'object' &&
    facts.assessment !== null;
  return readable
    ? { state: 'written', leadId, pirId, facts: facts as RequestFacts }
    : { state: 'writing', leadId, pirId };
}
