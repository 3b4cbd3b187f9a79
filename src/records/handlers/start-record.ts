import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { buildFormCard } from '../../forms/form-card.js';
import { cleanInput } from '../../forms/read-form-field.js';
import { findChoice, referenceData } from '../../reference-data/reference-data.js';
import type { RecordKind } from '../domain/record-doc.js';
import type { RecordsDeps } from '../records-deps.js';
import { RecordVerb } from '../records-verbs.js';
import { recordFormCard } from './record-form.js';

function categoryCard() {
  return buildFormCard({
    kicker: 'Engagement record',
    title: 'What kind of engagement was it?',
    intro: 'Seed 004 Appendix 3. The next card asks the questions for the category you choose.',
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

/** `log engagement`, `log feedback`, `you said we did`: the first card of the flow (1:1 chat only). */
export async function startRecord(turn: Turn, deps: RecordsDeps, kind: RecordKind): Promise<void> {
  const card =
    kind === 'engagement' ? categoryCard() : recordFormCard({ kind, id: deps.newId() }, await deps.directorates.list());
  await turn.say({ card });
}

/** The engagement category was chosen: the full form with that category's questions. */
export async function chooseCategory(
  deps: RecordsDeps,
  data: Readonly<Record<string, unknown>>,
): Promise<AdaptiveCard> {
  const category = findChoice(referenceData.engagementCategories, cleanInput(data.category));
  if (!category) return categoryCard();
  const ref = { kind: 'engagement' as const, id: deps.newId(), category: category.id };
  return recordFormCard(ref, await deps.directorates.list());
}

/** A sentence on a recording card, with a way back to your records. */
export function notice(text: string): AdaptiveCard {
  return buildNoticeCard({ text, buttons: [{ title: 'My records', verb: RecordVerb.mine }] });
}
