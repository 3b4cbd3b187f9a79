import type { OutgoingMessage } from '../bot/turn.js';
import type { Period } from '../calendar/period.js';

/**
 * Builds the digest message for a period (a card, or one line when nothing new happened), reading only that
 * period's records. Implemented over the engagement records, "You said, we did" items, PIRs and champions.
 */
export interface DigestSource {
  compose(period: Period, filter: { readonly directorate?: string }): Promise<OutgoingMessage>;
}
