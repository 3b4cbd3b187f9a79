import template from '../../cards/form.json' with { type: 'json' };
import type { CardText } from '../bot/card-text.js';
import type { AdaptiveCard } from '../bot/turn.js';
import { renderCard } from '../cards/render-card.js';
import type { FormField } from './form-field.js';
import { formInputs, type InputState } from './form-inputs.js';

export interface FormButton {
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Send the inputs with this button (Save) or not (Cancel, Back). */
  readonly withInputs: boolean;
}

export interface FormCardData extends InputState {
  /** The small line above the title: what the form is, or where in a flow it stands ("Step 3 of 8"). */
  readonly kicker: CardText;
  readonly title: CardText;
  readonly intro?: CardText;
  /** A sentence above the questions: what was wrong, or that the card was out of date. */
  readonly notice?: CardText;
  readonly fields: readonly FormField[];
  readonly buttons: readonly FormButton[];
}

/** The one form card: every form (PIR steps, records, sign-off, the engagement category) is built here. */
export function buildFormCard(data: FormCardData): AdaptiveCard {
  return renderCard(template, {
    kicker: data.kicker,
    title: data.title,
    intro: data.intro ?? '',
    notice: data.notice ?? '',
    fieldInputs: formInputs(data.fields, data),
    actions: data.buttons.map((b) => ({
      title: b.title,
      verb: b.verb,
      data: { ...b.data },
      inputs: b.withInputs ? 'auto' : 'none',
    })),
  });
}
