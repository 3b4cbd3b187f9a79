import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import { shorten } from '../../text/shorten.js';
import { monthOf, type RecordDoc } from '../domain/record-doc.js';
import { TOLD_FORM } from '../domain/told-reminder.js';
import { RecordVerb } from '../records-verbs.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The one reminder after sign-off: were the people who said it told what happened? How and when. */
export function toldReminderCard(
  doc: RecordDoc,
  state: InputState & { readonly notice?: CardText } = {},
): AdaptiveCard {
  return buildFormCard({
    kicker: botText('“You said, we did” · closing the loop'),
    title: md`Have the people who said “${shorten(text(doc.values.youSaid), 120)}” been told what happened?`,
    intro: botText(
      'It was signed off for the digests. Telling participants what came of their views is part of every engagement (seed 000 §11.4). When you have, say how and when.',
    ),
    ...state,
    fields: TOLD_FORM.fields,
    buttons: [
      {
        title: 'They have been told',
        verb: RecordVerb.told,
        data: { kind: doc.kind, id: doc.id, month: monthOf(doc.date), revision: doc.revision },
        withInputs: true,
      },
    ],
  });
}
