import type { Period } from '../calendar/period.js';
import type { ChampionInvolvement } from '../champions/involvement-log.js';
import type { Pir } from '../pir/domain/pir.js';
import type { RecordDoc } from '../records/domain/record-doc.js';

/** A champion as the reports see them: directorate, status, and the last cycle's answer. */
export interface ChampionFacts {
  readonly directorate: string;
  readonly active: boolean;
  readonly lastResponseAt?: string;
  readonly nudgedAt?: string;
  readonly nothingToReport?: { readonly at: string; readonly whyNot: string };
}

/** Everything a digest or report of one period needs, read from that period's partitions only. */
export interface PeriodInputs {
  readonly period: Period;
  readonly engagement: readonly RecordDoc[];
  readonly feedback: readonly RecordDoc[];
  readonly yswd: readonly RecordDoc[];
  readonly involvement: readonly ChampionInvolvement[];
  /** Requests submitted in the period's years (filtered by date in the builders). */
  readonly pirs: readonly Pir[];
  readonly champions: readonly ChampionFacts[];
}
