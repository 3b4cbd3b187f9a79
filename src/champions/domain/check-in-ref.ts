import { cleanText } from '../../forms/read-form-field.js';

/** Identifies the champion and cycle a check-in card belongs to, so an old card can be recognised. */
export interface NudgeCardRef {
  readonly championId: string;
  readonly cycle: string;
}

/** What a check-in card button sends: which champion and cycle, and the inputs. */
export interface CheckIn {
  readonly ref: NudgeCardRef;
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** The card's reference, checked; undefined for a malformed (old or forged) card. */
export function readCheckIn(data: Readonly<Record<string, unknown>>): CheckIn | undefined {
  const championId = cleanText(data.championId);
  const cycle = cleanText(data.cycle);
  if (!championId || championId.length > 200 || !cycle || cycle.length > 40) return undefined;
  return { ref: { championId, cycle }, inputs: data };
}
