import { isCloseOutStep } from './close-out-steps.js';
import type { CloseOutPosition } from './project.js';

/** Card button data as sent: untrusted. */
type CardData = Readonly<Record<string, unknown>>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const id = (v: unknown) => (typeof v === 'string' && ID.test(v) ? v : undefined);
const whole = (v: unknown) => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** A lead's card on their own request (read from their own partition): which request, at which project revision. */
export interface ProjectRef {
  readonly pirId: string;
  readonly revision: number;
  readonly position?: CloseOutPosition;
}

/** What a lead's button sent: the card's reference and its inputs (read by the step's form once loaded). */
export interface ProjectSubmission {
  readonly ref: ProjectRef;
  readonly inputs: CardData;
}

export function parseProjectRef(data: CardData): ProjectRef | undefined {
  const pirId = id(data.pirId);
  const revision = whole(data.revision);
  if (!pirId || revision === undefined) return undefined;
  const position = data.step === 'review' ? 'review' : isCloseOutStep(data.step) ? data.step : undefined;
  return { pirId, revision, ...(position ? { position } : {}) };
}

export function parseProjectSubmission(data: CardData): ProjectSubmission | undefined {
  const ref = parseProjectRef(data);
  return ref ? { ref, inputs: data } : undefined;
}

/** The check-in card: its request and the end date it asked about. */
export function parseCheckInSubmission(data: CardData): (ProjectSubmission & { readonly cycle: string }) | undefined {
  // Sent by the engine, not tied to a revision: the end date it asked about says whether it is still current.
  const ref = parseProjectRef({ revision: 0, ...data });
  const cycle = typeof data.cycle === 'string' && DATE.test(data.cycle) ? data.cycle : undefined;
  return ref && cycle ? { ref, inputs: data, cycle } : undefined;
}

/** "Mark met" on a condition. */
export function parseConditionRef(data: CardData): (ProjectRef & { readonly condition: string }) | undefined {
  const ref = parseProjectRef(data);
  const condition =
    typeof data.condition === 'string' && /^c\d{1,2}$/.test(data.condition) ? data.condition : undefined;
  return ref && condition ? { ...ref, condition } : undefined;
}

/** The PPI team's review card names the lead (their partition) and the round it shows. */
export interface ReviewRef {
  readonly leadId: string;
  readonly pirId: string;
  readonly round: number;
}

export function parseReviewSubmission(
  data: CardData,
): { readonly ref: ReviewRef; readonly inputs: CardData } | undefined {
  const [leadId, pirId, round] = [
    typeof data.leadId === 'string' && data.leadId.length > 0 && data.leadId.length <= 128 ? data.leadId : undefined,
    id(data.pirId),
    whole(data.round),
  ];
  return leadId && pirId && round !== undefined ? { ref: { leadId, pirId, round }, inputs: data } : undefined;
}
