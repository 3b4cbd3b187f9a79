import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import type { Pir } from '../../pir/domain/pir.js';
import { shorten } from '../../text/shorten.js';
import { CHECK_IN_FORM } from '../domain/lifecycle-forms.js';
import { LifecycleVerb } from '../lifecycle-verbs.js';
import { ukDay } from './uk-day.js';

export interface CheckInCardOptions extends InputState {
  readonly notice?: CardText;
  /** The one reminder after the first check-in. */
  readonly followUp?: boolean;
}

/**
 * The lead's close-out check-in for end date `cycle`: close out now, say the project runs on until a date (with a
 * reason), or say it stopped (with why).
 */
export function buildCheckInCard(pir: Pir, cycle: string, options: CheckInCardOptions = {}): AdaptiveCard {
  const data = { pirId: pir.id, cycle };
  const { followUp, ...state } = options;
  return buildFormCard({
    kicker: botText(followUp ? 'Close-out check-in · reminder' : 'Close-out check-in'),
    title: md`${pir.reference ?? ''}: ${shorten(pir.answers.title ?? 'Untitled', 150)}`,
    intro: md`The expected end date was ${ukDay(cycle)}. Has the project finished? Closing it out tells the PPI team and the Trust Board what involving patients achieved.`,
    ...state,
    fields: CHECK_IN_FORM.fields,
    buttons: [
      { title: 'Close out now', verb: LifecycleVerb.closeOut, data: { pirId: pir.id }, withInputs: false },
      { title: 'It runs on until the date above', verb: LifecycleVerb.extend, data, withInputs: true },
      { title: 'It stopped', verb: LifecycleVerb.stop, data, withInputs: true },
    ],
  });
}
