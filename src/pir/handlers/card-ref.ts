import type { StepId } from '../domain/pir.js';
import { isStepId } from '../domain/steps.js';

export interface CardRef {
  readonly pirId: string;
  readonly revision: number;
  readonly position?: StepId | 'review';
  readonly leadId?: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The request a card button points at. Untrusted: anything malformed is undefined (an out-of-date card). */
export function parseCardRef(data: Readonly<Record<string, unknown>>): CardRef | undefined {
  const { pirId, revision, step, leadId } = data;
  if (typeof pirId !== 'string' || !ID.test(pirId)) return undefined;
  const rev = typeof revision === 'number' ? revision : Number(revision);
  if (!Number.isInteger(rev) || rev < 0) return undefined;
  const position = step === 'review' ? 'review' : isStepId(step) ? step : undefined;
  const lead = typeof leadId === 'string' && leadId.length > 0 && leadId.length <= 128 ? leadId : undefined;
  return { pirId, revision: rev, ...(position ? { position } : {}), ...(lead ? { leadId: lead } : {}) };
}
