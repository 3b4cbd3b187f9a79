import { botText, type CardText, lines, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import type { RecordKind } from '../domain/record-doc.js';
import { KIND_NAMES, type RecordLists, recordFields } from '../domain/record-kinds.js';
import type { SaveRef } from '../domain/save-ref.js';
import { RecordVerb } from '../records-verbs.js';

const INTROS: Readonly<Record<RecordKind, string>> = {
  engagement: 'Record totals and collated answers only: no names or personal details.',
  feedback:
    'The collated answers from the activity’s participant feedback forms: count the forms for each answer. No names or personal details.',
  yswd: 'What patients told us and what happened. A PPI team member signs it off before it appears in digests.',
};

const CHECK_IN_INTRO = 'Logged from your partnership champion check-in. No names or personal details.';

export interface RecordFormState extends InputState {
  readonly notice?: CardText;
  /** Answers kept from an earlier version of the form (no question for them now), shown under the intro. */
  readonly earlier?: readonly { readonly label: string; readonly value: string }[];
}

/** A record's form: new (the id chosen now, so a double click cannot save two) or an edit of a stored one. */
export function recordFormCard(ref: SaveRef, lists: RecordLists, state: RecordFormState = {}): AdaptiveCard {
  const editing = ref.month !== undefined;
  const { earlier = [], ...inputs } = state;
  const intro = botText(ref.source === 'check-in' ? CHECK_IN_INTRO : INTROS[ref.kind]);
  const kept =
    earlier.length > 0
      ? [md`Kept from the earlier version of this form:`, ...earlier.map((e) => md`- ${e.label}: ${e.value}`)]
      : [];
  return buildFormCard({
    kicker: md`${editing ? 'Editing · ' : ''}${KIND_NAMES[ref.kind]}`,
    title: editing ? botText('Change this record') : md`New ${KIND_NAMES[ref.kind].toLowerCase()}`,
    intro: lines(intro, ...kept),
    ...inputs,
    fields: recordFields(ref, lists),
    buttons: [{ title: 'Save', verb: RecordVerb.save, data: { ...ref }, withInputs: true }],
  });
}
