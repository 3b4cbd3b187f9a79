import type { FormValue } from '../../forms/form-field.js';
import type { Person } from '../../pir/domain/pir.js';

/**
 * An accepted request followed to its outcome (seed 000 §8.3, §9.1, §11; seed 002 Appendix 1): its expected end date
 * (moved with a reason), the close-out check-in, the conditions marked met, whether it stopped, and the close-out.
 * Stored on the request (`Pir.project`) and read with `readProject`, so requests stored before it existed read too.
 */
export interface Project {
  /** Bumped on every change; the lifecycle's cards carry it, so an old card or a double click is recognised. */
  readonly revision: number;
  /** The expected end date as moved by the lead (YYYY-MM-DD); absent: the request's own end date. */
  readonly endDate?: string;
  readonly endDateMoves: readonly EndDateMove[];
  readonly stopped?: { readonly at: string; readonly reason: string; readonly by: Person };
  /** The end date whose check-in is planned (the daily sweep plans it for a request that has none). */
  readonly plannedFor?: string;
  /** The close-out check-in for the current end date. */
  readonly checkIn?: CheckIn;
  /** Conditions of "accept with conditions" the lead marked met, by condition id (`c1`, `c2`…). */
  readonly conditionsMet: Readonly<Record<string, { readonly at: string; readonly by: Person }>>;
  readonly closeOut?: CloseOut;
}

export interface EndDateMove {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly at: string;
  readonly by: Person;
}

/** The check-in sent on the first working day after the end date `cycle`: one follow-up, then listed for the PPI team. */
export interface CheckIn {
  readonly cycle: string;
  readonly sentAt?: string;
  readonly followUpSentAt?: string;
  /** The follow-up's turn came but it could not reach the lead (no 1:1 chat, or Teams refused it). */
  readonly followUpNotSentAt?: string;
  /** Listed for the PPI team: the follow-up went unanswered. */
  readonly listedAt?: string;
}

export type CloseOutStepId = 'aim' | 'methods' | 'outcomes' | 'influence' | 'reflections' | 'told';
export type CloseOutPosition = CloseOutStepId | 'review';

/** draft and more-asked: the lead is writing it; submitted: with the PPI team; accepted: the project is closed. */
export type CloseOutStatus = 'draft' | 'submitted' | 'more-asked' | 'accepted';

export type CloseOutAnswers = Readonly<Record<string, FormValue>>;

export interface CloseOutReview {
  readonly round: number;
  readonly decision: 'accepted' | 'more-asked';
  readonly by: Person;
  readonly at: string;
  readonly comment?: string;
}

/** The Patient Partners' evaluation of the involvement (seed 000 §6.6, §11.2), entered by the PPI team for them. */
export interface Evaluation {
  /** Their own involvement. */
  readonly own?: string;
  /** The involvement of wider patient groups. */
  readonly wider?: string;
  readonly by: Person;
  readonly at: string;
}

export interface CloseOut {
  readonly status: CloseOutStatus;
  readonly position: CloseOutPosition;
  /** Editing from the review: Next returns to the review. */
  readonly returnToReview: boolean;
  readonly answers: CloseOutAnswers;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** How many times it was sent to the PPI team (the review card and the lead's notice of each round are one delivery). */
  readonly round: number;
  readonly submittedAt?: string;
  readonly closedAt?: string;
  readonly reviews: readonly CloseOutReview[];
  readonly evaluation?: Evaluation;
  /** The review card in the PPI team's channel. */
  readonly reviewCardId?: string;
}

export const NEW_PROJECT: Project = { revision: 0, endDateMoves: [], conditionsMet: {} };

type Loose = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
const only = <T>(values: Record<string, T | undefined>): Record<string, T> =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, T>;

function person(v: unknown): Person | undefined {
  return isObject(v) && typeof v.id === 'string' ? { id: v.id, name: text(v.name) ?? 'Someone' } : undefined;
}

function listOf<T>(v: unknown, read: (item: Loose) => T | undefined): T[] {
  return Array.isArray(v) ? v.flatMap((item) => (isObject(item) ? (read(item) ?? []) : [])) : [];
}

const STATUSES: readonly CloseOutStatus[] = ['draft', 'submitted', 'more-asked', 'accepted'];
const POSITIONS: readonly CloseOutPosition[] = [
  'aim',
  'methods',
  'outcomes',
  'influence',
  'reflections',
  'told',
  'review',
];

function answersOf(v: unknown): CloseOutAnswers {
  if (!isObject(v)) return {};
  const out: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(v)) {
    const ok =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (Array.isArray(value) && value.every((x) => typeof x === 'string'));
    if (ok) out[key] = value as FormValue;
  }
  return out;
}

function review(v: Loose): CloseOutReview | undefined {
  const by = person(v.by);
  const at = text(v.at);
  if (!by || !at || (v.decision !== 'accepted' && v.decision !== 'more-asked')) return undefined;
  return { round: count(v.round), decision: v.decision, by, at, ...only({ comment: text(v.comment) }) };
}

function closeOutOf(v: unknown): CloseOut | undefined {
  if (!isObject(v)) return undefined;
  const status = STATUSES.find((s) => s === v.status) ?? 'draft';
  const position = POSITIONS.find((p) => p === v.position) ?? 'aim';
  const startedAt = text(v.startedAt) ?? text(v.updatedAt) ?? new Date(0).toISOString();
  const evaluationBy = isObject(v.evaluation) ? person(v.evaluation.by) : undefined;
  const evaluation =
    isObject(v.evaluation) && evaluationBy
      ? {
          by: evaluationBy,
          at: text(v.evaluation.at) ?? startedAt,
          ...only({ own: text(v.evaluation.own), wider: text(v.evaluation.wider) }),
        }
      : undefined;
  return {
    status,
    position,
    returnToReview: v.returnToReview === true,
    answers: answersOf(v.answers),
    startedAt,
    updatedAt: text(v.updatedAt) ?? startedAt,
    round: count(v.round),
    reviews: listOf(v.reviews, review),
    ...only({ submittedAt: text(v.submittedAt), closedAt: text(v.closedAt), reviewCardId: text(v.reviewCardId) }),
    ...(evaluation ? { evaluation } : {}),
  };
}

function move(v: Loose): EndDateMove | undefined {
  const [from, to, reason, at, by] = [text(v.from), text(v.to), text(v.reason), text(v.at), person(v.by)];
  return from && to && at && by ? { from, to, reason: reason ?? '', at, by } : undefined;
}

/**
 * The project as stored on a request, read tolerantly: nothing stored (a request accepted before the lifecycle
 * existed) is a new project; fields of the wrong type are left out, never thrown on.
 */
export function readProject(stored: unknown): Project {
  if (!isObject(stored)) return NEW_PROJECT;
  const met: Record<string, { at: string; by: Person }> = {};
  if (isObject(stored.conditionsMet)) {
    for (const [id, mark] of Object.entries(stored.conditionsMet)) {
      const by = isObject(mark) ? person(mark.by) : undefined;
      const at = isObject(mark) ? text(mark.at) : undefined;
      if (by && at) met[id] = { at, by };
    }
  }
  const stoppedBy = isObject(stored.stopped) ? person(stored.stopped.by) : undefined;
  const stoppedAt = isObject(stored.stopped) ? text(stored.stopped.at) : undefined;
  const checkIn = isObject(stored.checkIn) ? text(stored.checkIn.cycle) : undefined;
  const closeOut = closeOutOf(stored.closeOut);
  return {
    revision: count(stored.revision),
    endDateMoves: listOf(stored.endDateMoves, move),
    conditionsMet: met,
    ...only({ endDate: text(stored.endDate), plannedFor: text(stored.plannedFor) }),
    ...(stoppedBy && stoppedAt && isObject(stored.stopped)
      ? { stopped: { at: stoppedAt, by: stoppedBy, reason: text(stored.stopped.reason) ?? '' } }
      : {}),
    ...(checkIn && isObject(stored.checkIn)
      ? {
          checkIn: {
            cycle: checkIn,
            ...only({
              sentAt: text(stored.checkIn.sentAt),
              followUpSentAt: text(stored.checkIn.followUpSentAt),
              followUpNotSentAt: text(stored.checkIn.followUpNotSentAt),
              listedAt: text(stored.checkIn.listedAt),
            }),
          },
        }
      : {}),
    ...(closeOut ? { closeOut } : {}),
  };
}
