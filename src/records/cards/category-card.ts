import { botText } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import { CATEGORY_FIELD } from '../domain/check-in-record.js';
import { RecordVerb } from '../records-verbs.js';

/** The first card of an engagement record: which category (its own questions come next). */
export function categoryCard(): AdaptiveCard {
  return buildFormCard({
    kicker: botText('Engagement record'),
    title: botText('What kind of engagement was it?'),
    intro: botText(
      'Record it once the work has taken place. The next card asks the questions for the category you choose.',
    ),
    fields: [CATEGORY_FIELD],
    buttons: [{ title: 'Next', verb: RecordVerb.category, data: {}, withInputs: true }],
  });
}
