import type { ReportQuarter } from '../../calendar/report-quarter.js';
import type { BreakdownRow } from './breakdowns.js';
import type { DigestItem } from './build-digest.js';
import type { ChampionResponse, WhyNotReason } from './champion-response.js';
import type { FeedbackResults } from './feedback-results.js';
import type { PeopleReached } from './people-reached.js';
import type { RequestFigures } from './request-figures.js';

/** A figure that depends on data this bot does not record yet: the sections stay, saying so in a plain sentence. */
export interface Recorded<T> {
  readonly recorded: boolean;
  readonly value: T;
}

/** "You said, we did": signed off, "We said, we did" first, and whether participants were told (seed 000 §11.4). */
export interface ClosingTheLoop {
  readonly signedOff: number;
  readonly awaitingSignOff: number;
  readonly weSaidWeDid: number;
  readonly changed: number;
  readonly couldNotChange: number;
  /** Signed-off items whose participants were told the outcome, of those signed off. */
  readonly told: Recorded<{ readonly told: number; readonly of: number }>;
  /** Signed-off items, "We said, we did" first, then newest. */
  readonly items: readonly DigestItem[];
}

/** What involvement changed, what could not change and why (principles 2 and 3; UK Standard 5). */
export interface Impact {
  readonly changes: readonly DigestItem[];
  readonly couldNotChange: readonly DigestItem[];
  /** What champions said patients shaped, from their logged involvement. */
  readonly shapedByPatients: readonly {
    readonly directorate: string;
    readonly project: string;
    readonly shaped: string;
    readonly rung: string;
    readonly people: number;
  }[];
}

/** Appendix 3 Q4: the collated responses from event feedback forms, for learning (the committee report). */
export interface CollatedFeedback {
  readonly date: string;
  readonly directorate: string;
  readonly category: string;
  readonly activity: string;
  readonly project: string;
  readonly text: string;
}

/** A project closed this quarter, as the Board paper lists it. */
export interface ClosedProject {
  readonly reference: string;
  readonly title: string;
  readonly directorate: string;
  readonly planned: string;
  readonly reached: string;
  readonly told: 'yes' | 'no' | 'not answered';
  readonly wentWell: string;
  readonly doDifferently: string;
}

/** Projects closed out this quarter (the PPI team accepted their close-out; seed 000 §8.3, §9.1). */
export interface CloseOuts {
  readonly completed: Recorded<number>;
  readonly projects: readonly ClosedProject[];
  /** Of those closed, how many reached engagement, co-design or co-production. */
  readonly topThreeReached: number;
  /** Of those closed, whose participants were told the outcome. */
  readonly told: number;
  /** Of those closed, with the Patient Partners' evaluation (seed 000 §11.2). */
  readonly evaluated: number;
}

export type StandardStatus = 'evidence this quarter' | 'gap this quarter' | 'not recorded yet';

/** One of the six UK Standards for Public Involvement, with this quarter's evidence (a self-check, not a score). */
export interface StandardCheck {
  readonly standard: string;
  readonly question: string;
  readonly evidence: string;
  readonly status: StandardStatus;
}

/** The quarterly PPI update for the Trust Board (seed 000 §8.3, §11.1) and PIPEAC (§11.3). Pure data. */
export interface BoardReport {
  readonly quarter: ReportQuarter;
  /** London date the report was produced. */
  readonly producedOn: string;
  /** The quarter had not ended when produced: figures are to date. */
  readonly inProgress: boolean;
  readonly requests: RequestFigures;
  readonly closeOuts: CloseOuts;
  readonly reached: PeopleReached;
  readonly champions: ChampionResponse;
  readonly whyNot: readonly WhyNotReason[];
  readonly loop: ClosingTheLoop;
  readonly impact: Impact;
  readonly feedback: FeedbackResults;
  readonly byDirectorate: readonly BreakdownRow[];
  readonly byQualityPriority: readonly BreakdownRow[];
  readonly learning: readonly CollatedFeedback[];
  readonly standards: readonly StandardCheck[];
  /** Risks and points for the Board, in plain sentences (GRIPP2 item 5: reflections). */
  readonly risks: readonly string[];
}
