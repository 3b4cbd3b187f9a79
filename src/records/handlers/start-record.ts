import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { cleanInput } from '../../forms/read-form-field.js';
import { findChoice, referenceData } from '../../reference-data/reference-data.js';
import { categoryCard } from '../cards/category-card.js';
import { recordFormCard } from '../cards/record-form-card.js';
import type { RecordKind } from '../domain/record-doc.js';
import type { RecordsDeps } from '../records-deps.js';
import { recordLists } from './record-lists.js';

/** `log engagement`, `log feedback`, `you said we did`: the first card of the flow (1:1 chat only). */
export async function startRecord(turn: Turn, deps: RecordsDeps, kind: RecordKind): Promise<void> {
  const card =
    kind === 'engagement' ? categoryCard() : recordFormCard({ kind, id: deps.newId() }, await recordLists(deps));
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
  return recordFormCard(ref, await recordLists(deps));
}
