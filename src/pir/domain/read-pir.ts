import type { Pir } from './pir.js';
import { anyEqualityGroupChosen } from './step-fields.js';

/**
 * A stored request as the bot reads it today (the tolerant reader): a request saved before question 5 had its own
 * yes / no / not sure, but with groups chosen, reads as "yes"; with none chosen it stays unanswered (a draft is then
 * asked it; a submitted request shows it as not asked). Everything else is kept as stored.
 */
export function readPir(raw: unknown): Pir {
  const pir = raw as Pir;
  const answers = pir.answers ?? {};
  if (answers.disproportionate !== undefined || !anyEqualityGroupChosen(answers)) return { ...pir, answers };
  return { ...pir, answers: { ...answers, disproportionate: 'yes' } };
}
