import type { PeriodKind } from '../../calendar/period.js';

const CADENCES: Record<string, PeriodKind> = {
  weekly: 'weekly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  'six-monthly': 'six-monthly',
  'six monthly': 'six-monthly',
  'half-yearly': 'six-monthly',
  'half yearly': 'six-monthly',
};

export type SubscribeRequest =
  | { readonly ok: true; readonly cadence: PeriodKind; readonly directorateText?: string }
  | { readonly ok: false; readonly problem: string };

/** Reads "monthly", "quarterly for Finance" (what follows `subscribe digest`). Monthly when no cadence is given. */
export function parseSubscribe(text: string): SubscribeRequest {
  const match = /^\s*([a-z -]*?)\s*(?:\bfor\b\s+(.+))?\s*$/i.exec(text);
  const cadenceText = (match?.[1] ?? '').trim().toLowerCase();
  const directorateText = match?.[2]?.trim();
  const cadence = cadenceText === '' ? 'monthly' : CADENCES[cadenceText];
  if (!cadence) {
    return {
      ok: false,
      problem:
        'Please choose how often: **subscribe digest weekly**, **monthly**, **quarterly** or **six-monthly**, optionally **for** a directorate.',
    };
  }
  return { ok: true, cadence, ...(directorateText ? { directorateText } : {}) };
}
