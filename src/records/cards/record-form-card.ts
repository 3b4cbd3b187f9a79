import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import type { Choice } from '../../reference-data/reference-data.js';
import type { RecordKind } from '../domain/record-doc.js';
import { KIND_NAMES, recordFields } from '../domain/record-kinds.js';
import type { SaveRef } from '../domain/save-ref.js';
import { RecordVerb } from '../records-verbs.js';

const INTROS: Readonly<Record<RecordKind, string>> = {
  engagement: 'Record totals and collated answers only: no names or personal details.',
  feedback: 'The collated answers from the activity’s feedback forms: totals only, no names.',
  yswd: 'What patients told us and what happened. A PPI team member signs it off before it appears in digests.',
};

/** A record's form: new (the id chosen now, so a double click cannot save two) or an edit of a stored one. */
export function recordFormCard(
  ref: SaveRef,
  directorates: readonly Choice[],
  state: InputState & { readonly notice?: CardText } = {},
): AdaptiveCard {
  const editing = ref.month !== undefined;
  return buildFormCard({
    kicker: md`${editing ? 'Editing · ' : ''}${KIND_NAMES[ref.kind]}`,
    title: editing ? botText('Change this record') : md`New ${KIND_NAMES[ref.kind].toLowerCase()}`,
    intro: botText(INTROS[ref.kind]),
    ...state,
    fields: recordFields(ref.kind, directorates, ref.category),
    buttons: [{ title: 'Save', verb: RecordVerb.save, data: { ...ref }, withInputs: true }],
  });
}
