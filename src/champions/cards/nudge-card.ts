import template from '../../../cards/champion-nudge.json' with { type: 'json' };
import { type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import type { FormError } from '../../forms/form-field.js';
import { formInputs } from '../../forms/form-inputs.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { ChampionVerb } from '../champions-verbs.js';
import { type Champion, cadenceInWords, directorateLabelOf } from '../domain/champion.js';
import { IDEA_FORM, INVOLVEMENT_FORM, SNOOZE_FORM, WITHOUT_PATIENTS_FORM } from '../domain/check-in-forms.js';
import type { NudgeCardRef } from '../domain/check-in-ref.js';

export type NudgeVariant = 'nudge' | 'follow-up' | 'deputy';

/** What a check-in card names: the directorates as the list has them now, and the cadence it asks about. */
export interface NudgeContext {
  readonly directorates: readonly ListEntry[];
  /** The configured cadence (NUDGE_CADENCE_DAYS); a champion's own cadence wins. */
  readonly cadenceDays: number;
}

/** An answer of the card: after a problem with it, its inputs stay open on the card instead of folded away. */
export type CheckInSection = 'log' | 'nothing' | 'snooze';

export interface NudgeCardOptions {
  readonly variant?: NudgeVariant;
  /** A problem with what was entered, shown above the answers. */
  readonly notice?: CardText;
  /** The answer the problem was with: shown open, with what was typed and its error. */
  readonly open?: CheckInSection;
  /** What was typed, shown again after a failed check (masked, not stored). */
  readonly typed?: Readonly<Record<string, string>>;
  readonly errors?: readonly FormError[];
}

/** The "Hand to my deputy" button's words, or '' when there is no deputy to hand to (or it was handed already). */
function deputyButton(champion: Champion, variant: NudgeVariant): string {
  const deputy = champion.deputy;
  if (!deputy || variant === 'deputy' || champion.cycle?.handedToDeputyAt) return '';
  return deputy.name ? `Hand to my deputy (${deputy.name})` : 'Hand to my deputy';
}

const DATE_FIELD = SNOOZE_FORM.fields.filter((f) => f.key === 'until');

/** The inputs of the card's answers, with what was typed and its errors. */
function answerInputs(state: Pick<NudgeCardOptions, 'typed' | 'errors'>) {
  return {
    logInputs: formInputs(INVOLVEMENT_FORM.fields, state),
    withoutInputs: formInputs(WITHOUT_PATIENTS_FORM.fields, state),
    dateInputs: formInputs(DATE_FIELD, { values: { snooze: 'date' }, ...state }),
    ideaInputs: formInputs(IDEA_FORM.fields, state),
  };
}

let blank: string | undefined;

/**
 * The same with nothing typed, as every card a fan-out sends has them: built once (most of a card's building time)
 * and copied for each card, so no card shares an object with another.
 */
function blankAnswerInputs(): ReturnType<typeof answerInputs> {
  blank ??= JSON.stringify(answerInputs({}));
  return JSON.parse(blank) as ReturnType<typeof answerInputs>;
}

/**
 * The check-in (the partnership champion role): "Were patients involved in this work? And if not, why not?", about
 * the champion's own cadence, with quick answers that update the card in place: one Snooze button (a week, or a date
 * field shown only for "On a date…").
 */
export function buildNudgeCard(
  champion: Champion,
  cycle: string,
  context: NudgeContext,
  options: NudgeCardOptions = {},
): AdaptiveCard {
  const variant = options.variant ?? 'nudge';
  const directorate = directorateLabelOf(champion, context.directorates);
  const every = cadenceInWords(champion.cadenceDays ?? context.cadenceDays);
  const ref: NudgeCardRef = { championId: champion.person.id, cycle };
  const kickers: Record<NudgeVariant, string> = {
    nudge: `Partnership champions · check-in every ${every}`,
    'follow-up': 'Partnership champions · a gentle reminder',
    deputy: 'Partnership champions · passed to you as deputy',
  };
  const heading =
    variant === 'deputy' ? md`${champion.person.name} asked you to answer for ${directorate}` : md`${directorate}`;
  const state = {
    ...(options.typed ? { typed: options.typed } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
  const inputs = options.typed || options.errors ? answerInputs(state) : blankAnswerInputs();
  const buddy = champion.buddy;
  return renderCard(template, {
    kicker: kickers[variant],
    heading,
    question: md`Were patients involved in ${directorate}'s work in the last ${every}? And if not, why not?`,
    buddy: buddy ? md`Your buddy for advice: ${buddy.name} (${directorateLabelOf(buddy, context.directorates)}).` : '',
    notice: options.notice ?? '',
    open: options.open ?? '',
    ...inputs,
    verbs: ChampionVerb,
    ref,
    snoozeWeek: { ...ref, snooze: 'week' },
    snoozeDate: { ...ref, snooze: 'date' },
    deputyButton: deputyButton(champion, variant),
  });
}
