import { botText } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import { referenceData } from '../../reference-data/reference-data.js';
import { RecordVerb } from '../records-verbs.js';

/** The first card of an engagement record: which category (its follow-up questions come next). */
export function categoryCard(): AdaptiveCard {
  return buildFormCard({
    kicker: botText('Engagement record'),
    title: botText('What kind of engagement was it?'),
    intro: botText('The next card asks the questions for the category you choose.'),
    fields: [
      {
        key: 'category',
        label: 'Category',
        kind: 'choice',
        required: true,
        choices: referenceData.engagementCategories.map((c) => ({
          id: c.id,
          label: c.hint ? `${c.label}: ${c.hint}` : c.label,
        })),
      },
    ],
    buttons: [{ title: 'Next', verb: RecordVerb.category, data: {}, withInputs: true }],
  });
}
