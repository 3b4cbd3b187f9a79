import type { Period } from '../../calendar/period.js';
import type { ChampionInvolvement } from '../../champions/store/involvement-log.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { RequestFacts } from '../../pir/domain/request-facts.js';
import type { RecordDoc } from '../../records/domain/record-doc.js';
import type { ListEntry } from '../../reference-data/reference-data.js';

/**
 * How one check-in ended. `why-not`: the champion said work went ahead without patients, and why (the opt-out the
 * Board report counts; check-ins answered "nothing to report" before that answer was split read so too);
 * `no-relevant-work` answers the check-in without a reason. `open`: sent (or handed to the deputy) and not answered.
 */
export type CheckInOutcome = 'involvement' | 'why-not' | 'no-relevant-work' | 'snoozed' | 'open';

/** One six-weekly check-in as the reports see it. */
export interface CheckInFacts {
  /** The instant it fell due (the cycle's id). */
  readonly dueAt: string;
  readonly outcome: CheckInOutcome;
  readonly answeredAt?: string;
  readonly whyNot?: string;
}

/** A champion as the reports see them: directorate, status, and every check-in still kept. */
export interface ChampionFacts {
  readonly directorate: string;
  /** The directorate's name when the champion registered (a label for an id the list no longer has). */
  readonly directorateLabel?: string;
  readonly active: boolean;
  readonly registeredAt: string;
  /** Every kept check-in, oldest first. */
  readonly checkIns: readonly CheckInFacts[];
  /** Check-ins due on or before this are no longer kept (see src/champions/domain/cycle-history.ts). */
  readonly keptAfter?: string;
}

/** An entry of one of the Trust's own lists (directorates / CMGs, Quality Strategy priorities), retired ones too. */
export type { ListEntry };

/**
 * A project closed in the period (src/lifecycle/: the PPI team accepted its close-out): when, the rung actually reached,
 * whether participants were told the outcome, its reflections and whether the Patient Partners evaluated it.
 */
export interface CloseOutFacts {
  readonly reference: string;
  readonly closedAt: string;
  readonly title?: string;
  /** The directorate's id. */
  readonly directorate?: string;
  readonly plannedRung?: string;
  readonly achievedRung?: string;
  /** Told (true), not told or not yet (false); undefined when not answered. */
  readonly participantsTold?: boolean;
  readonly peopleCount?: number;
  readonly wentWell?: string;
  readonly doDifferently?: string;
  readonly evaluated?: boolean;
}

/** Everything a digest or report of one period needs, read from that period's partitions only. */
export interface PeriodInputs {
  readonly period: Period;
  /** Engagement records logged by staff (a champion's check-in record is in `involvement`, counted once with them). */
  readonly engagement: readonly RecordDoc[];
  readonly feedback: readonly RecordDoc[];
  readonly yswd: readonly RecordDoc[];
  /** Involvement champions logged at check-ins: their engagement records, and the earlier involvement log. */
  readonly involvement: readonly ChampionInvolvement[];
  /**
   * Requests submitted in the period's years and the year before (so a request assessed in January that came in
   * in December is there), plus any request a record of the period names; the builders filter by date.
   */
  readonly pirs: readonly Pir[];
  readonly champions: readonly ChampionFacts[];
  /** Projects closed (close-out accepted), and whether close-outs are recorded at all (false: the sections say so). */
  readonly closeOuts: { readonly recorded: boolean; readonly items: readonly CloseOutFacts[] };
  readonly lists: {
    readonly directorates: readonly ListEntry[];
    readonly qualityPriorities: readonly ListEntry[];
    /** Common answers to "How did you hear about today's engagement activity?". */
    readonly howHeard: readonly ListEntry[];
  };
}

/**
 * What a digest of one period needs: the same evidence, with only the figures of the period's requests (from the
 * period index, `RequestFacts`), not the requests themselves. A `PeriodInputs` is one too.
 */
export type DigestInputs = Omit<PeriodInputs, 'pirs' | 'closeOuts'> & { readonly pirs: readonly RequestFacts[] };
