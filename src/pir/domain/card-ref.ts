import type { Pir, StepId } from './pir.js';
import { isEditable } from './pir.js';
import { isStepId } from './steps.js';

/** Card button data as sent: untrusted. */
type CardData = Readonly<Record<string, unknown>>;

export interface CardRef {
  readonly pirId: string;
  readonly revision: number;
  readonly position?: StepId | 'review';
  readonly leadId?: string;
}

/** A card's reference together with the inputs it sent (read by the step's form once the request is loaded). */
export interface CardSubmission {
  readonly ref: CardRef;
  readonly inputs: CardData;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The request a card button points at. Untrusted: anything malformed is undefined (an out-of-date card). */
export function parseCardRef(data: CardData): CardRef | undefined {
  const { pirId, revision, step, leadId } = data;
  if (typeof pirId !== 'string' || !ID.test(pirId)) return undefined;
  const rev = typeof revision === 'number' ? revision : Number(revision);
  if (!Number.isInteger(rev) || rev < 0) return undefined;
  const position = step === 'review' ? 'review' : isStepId(step) ? step : undefined;
  const lead = typeof leadId === 'string' && leadId.length > 0 && leadId.length <= 128 ? leadId : undefined;
  return { pirId, revision: rev, ...(position ? { position } : {}), ...(lead ? { leadId: lead } : {}) };
}

export function parseSubmission(data: CardData): CardSubmission | undefined {
  const ref = parseCardRef(data);
  return ref ? { ref, inputs: data } : undefined;
}

/** "Continue" and "Open my request" carry only the request's id. */
export function parsePirId(data: CardData): { readonly pirId: string } | undefined {
  return typeof data.pirId === 'string' && ID.test(data.pirId) ? { pirId: data.pirId } : undefined;
}

/** A card on the PPI team's side names the lead too (their partition). */
export function parseAssessmentRef(data: CardData): (CardSubmission & { ref: { leadId: string } }) | undefined {
  const ref = parseCardRef(data);
  return ref?.leadId ? { ref: { ...ref, leadId: ref.leadId }, inputs: data } : undefined;
}

/** What a lead's click means for the request as stored: go ahead, it is no longer open, or the card is old. */
export type LeadCardCheck = 'current' | 'not-editable' | 'out-of-date';

export function checkLeadCard(pir: Pir, ref: CardRef): LeadCardCheck {
  if (!isEditable(pir)) return 'not-editable';
  if (ref.revision !== pir.revision) return 'out-of-date';
  return ref.position !== undefined && ref.position !== pir.position ? 'out-of-date' : 'current';
}
