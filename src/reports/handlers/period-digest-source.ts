import type { OutgoingMessage } from '../../bot/turn.js';
import type { Period } from '../../calendar/period.js';
import type { DigestSource } from '../../digests/digest-source.js';
import { buildDigestCard, nothingNewLine } from '../cards/digest-card.js';
import { buildDigest } from '../domain/build-digest.js';
import { loadDigestInputs, type PeriodSources } from '../store/load-period-inputs.js';

/** Digests from the stores: the period's records only, a card, or one line when there is nothing new. */
export function periodDigestSource(sources: PeriodSources): DigestSource {
  return {
    async compose(period: Period, filter): Promise<OutgoingMessage> {
      const digest = buildDigest(await loadDigestInputs(sources, period), filter);
      if (digest.isEmpty) return nothingNewLine(digest);
      return { card: buildDigestCard(digest), summary: `“You said, we did”: ${period.label}` };
    },
  };
}
