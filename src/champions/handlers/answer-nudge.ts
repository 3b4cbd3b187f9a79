import { botText, type CardText, md, plain } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { CalendarInputError } from '../../calendar/calendar-input-error.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { londonDateKey } from '../../calendar/london-time.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import type { FormSpec, FormValues } from '../../forms/form-field.js';
import { type FormRead, readForm, typedOnForm } from '../../forms/read-form.js';
import { checkInRecord } from '../../records/domain/check-in-record.js';
import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { plural } from '../../text/plural.js';
import { buildNudgeCard, type CheckInSection, type NudgeContext } from '../cards/nudge-card.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { type Champion, deputyNameOf } from '../domain/champion.js';
import {
  CHECK_IN_FORM,
  IDEA_FORM,
  INVOLVEMENT_FORM,
  involvementOf,
  noRelevantWorkOf,
  SNOOZE_FORM,
  snoozeOf,
  WITHOUT_PATIENTS_FORM,
  withoutPatientsOf,
} from '../domain/check-in-forms.js';
import type { CheckIn, NudgeCardRef } from '../domain/check-in-ref.js';
import { type CycleAnswer, cycleAnswered, handedToDeputy, isAnswerable, repeatsAnswer } from '../domain/nudge-cycle.js';
import { applyCycleChange } from '../store/apply-cycle-change.js';

/** The champion the card belongs to (the route lets only them or their deputy answer). */
export function loadCheckIn(deps: Pick<ChampionsDeps, 'champions'>) {
  return async (_turn: Turn, { ref }: CheckIn): Promise<Versioned<Champion> | Answer> =>
    (await deps.champions.get(ref.championId)) ??
    answer(botText('That champion is no longer registered, so there is nothing to answer.'));
}

/** What a check-in card names: the directorates as they are now, and the configured cadence. */
export async function nudgeContext(deps: Pick<ChampionsDeps, 'directorates' | 'settings'>): Promise<NudgeContext> {
  return { directorates: await deps.directorates.entries(), cadenceDays: deps.settings.cadenceDays };
}

const notice = (text: CardText): AdaptiveCard => buildNoticeCard({ text });
const nextDue = (c: Champion) => `Your next check-in is due ${formatUkDate(new Date(c.nextDueAt))}.`;
const thanksWith = (text: string) => (after: Champion) => md`${text} ${nextDue(after)}`;

function alreadyAnswered(champion: Champion, ref: NudgeCardRef): AdaptiveCard {
  const c = champion.cycle;
  if (c?.dueAt === ref.cycle && c.answeredAt) {
    return notice(
      md`This check-in was already answered on ${formatUkDate(new Date(c.answeredAt))}. ${nextDue(champion)}`,
    );
  }
  return notice(md`This card is from an earlier check-in and can't be answered any more. ${nextDue(champion)}`);
}

/**
 * The card again with what was wrong: the answer it was with stays open (not folded away again), with what was
 * typed and each field's problem; the notice names them too.
 */
function retry(
  champion: Champion,
  context: NudgeContext,
  { ref, inputs }: CheckIn,
  problem: CardText | FormRead,
  open?: CheckInSection,
): AdaptiveCard {
  const errors = typeof problem === 'string' || problem.ok ? [] : problem.errors;
  // The form's messages are the bot's own sentences: they never repeat what was typed.
  const notice = typeof problem === 'string' ? problem : botText(errors.map((e) => e.message).join(' '));
  const typed = typedOnForm(CHECK_IN_FORM, inputs);
  return buildNudgeCard(champion, ref.cycle, context, { notice, errors, typed, ...(open ? { open } : {}) });
}

/** Closes the check-in's cycle with the answer, if it is still open on the champion as stored. */
function closeCycle(
  deps: ChampionsDeps,
  ref: NudgeCardRef,
  answer: CycleAnswer,
  by: string,
  loaded: Versioned<Champion>,
) {
  const now = deps.now();
  const close = (c: Champion) =>
    isAnswerable(c, ref.cycle) ? cycleAnswered(c, ref.cycle, answer, by, now, deps.settings) : undefined;
  return applyCycleChange(deps, ref.championId, existing(close), loaded);
}

/** One answer's form and what it means, the card section it is in, and what the champion is told once it is saved. */
interface AnswerSpec {
  readonly form: FormSpec;
  /** The answer's inputs, shown open on the card again after a problem with them (none: no inputs of its own). */
  readonly section?: CheckInSection;
  readonly answerOf: (values: FormValues, idea: FormValues) => CycleAnswer;
  readonly thanks: (after: Champion, values: FormValues) => CardText;
  /** Saved before the cycle closes (the engagement record of "Log involvement"). */
  readonly beforeSave?: (values: FormValues) => Promise<void>;
}

/**
 * Records an answer to an open check-in, with the card's idea for the catch-up: the cycle closes and the next one is
 * planned. The same answer clicked again by the same person (a double click) gets the same thanks; an answered or
 * older cycle is said so; a problem with what was typed shows the card again with that answer open.
 */
async function recordAnswer(
  turn: Turn,
  deps: ChampionsDeps,
  checkIn: CheckIn,
  loaded: Versioned<Champion>,
  spec: AnswerSpec,
): Promise<AdaptiveCard> {
  const { ref } = checkIn;
  const context = await nudgeContext(deps);
  const both: FormSpec = { fields: [...spec.form.fields, ...IDEA_FORM.fields] };
  const read = readForm(both, checkIn.inputs);
  const answerOf = (values: FormValues) => spec.answerOf(values, values);
  const again = (stored: Champion) =>
    read.ok && repeatsAnswer(stored, ref.cycle, answerOf(read.values), turn.actor.id, deps.settings)
      ? notice(spec.thanks(stored, read.values))
      : undefined;
  if (!isAnswerable(loaded.value, ref.cycle)) return again(loaded.value) ?? alreadyAnswered(loaded.value, ref);
  if (!read.ok) return retry(loaded.value, context, checkIn, read, spec.section);
  const answered = answerOf(read.values);
  try {
    await spec.beforeSave?.(read.values);
    const write = await closeCycle(deps, ref, answered, turn.actor.id, loaded);
    if (write.status !== 'applied') {
      const latest = storedAfter(write) ?? loaded.value;
      return again(latest) ?? alreadyAnswered(latest, ref);
    }
    turn.log.info({ answer: answered.kind }, 'champion check-in answered');
    return notice(spec.thanks(write.saved.value, read.values));
  } catch (error) {
    if (error instanceof CalendarInputError) {
      return retry(loaded.value, context, checkIn, plain(error.message), spec.section);
    }
    throw error;
  }
}

const text = (v: FormValues[string]) => (typeof v === 'string' ? v : '');

/**
 * "Log involvement": an engagement record like any other, with its category of engagement (one per check-in, so a
 * double click keeps one; it is in the answerer's `my records`), then the cycle is closed.
 */
export function logInvolvement(turn: Turn, deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  const { championId, cycle } = checkIn.ref;
  return recordAnswer(turn, deps, checkIn, loaded, {
    form: INVOLVEMENT_FORM,
    section: 'log',
    answerOf: involvementOf,
    async beforeSave(values) {
      const now = deps.now();
      const origin = { kind: 'check-in' as const, championId, cycle };
      const doc = checkInRecord(origin, loaded.value.directorate, values, turn.actor, londonDateKey(now), now);
      try {
        await deps.records.create(doc);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    },
    thanks: (after, v) => {
      const category = findChoice(referenceData.engagementCategories, text(v.category))?.label ?? '';
      const rung = labelOf(referenceData.ladderRungs, text(v.rung));
      const people = plural(typeof v.people === 'number' ? v.people : 0, 'person', 'people');
      return md`Thank you: logged “${text(v.project)}” (${category}, ${rung}, ${people}) as an engagement record. Type **my records** to change it. ${nextDue(after)}`;
    },
  });
}

/** "No relevant work this time": answered, with nothing to report and no reason needed. */
export function noRelevantWork(turn: Turn, deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  return recordAnswer(turn, deps, checkIn, loaded, {
    form: { fields: [] },
    answerOf: noRelevantWorkOf,
    thanks: thanksWith('Thank you: noted that there was no relevant work this time.'),
  });
}

/** "Work went ahead without patients", and why not. */
export function withoutPatients(turn: Turn, deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  return recordAnswer(turn, deps, checkIn, loaded, {
    form: WITHOUT_PATIENTS_FORM,
    section: 'nothing',
    answerOf: withoutPatientsOf,
    thanks: thanksWith('Thank you: noted that the work went ahead without patients, and why.'),
  });
}

/** "Snooze": a week, or until a date. */
export function snooze(turn: Turn, deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  return recordAnswer(turn, deps, checkIn, loaded, {
    form: SNOOZE_FORM,
    section: 'snooze',
    answerOf: snoozeOf,
    thanks: (after) => md`Snoozed: I'll ask again on ${formatUkDate(new Date(after.nextDueAt))}.`,
  });
}

/** "Hand to my deputy" (the champion only): the deputy gets this check-in (through the delivery engine, once). */
export async function handToDeputy(deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  const { ref } = checkIn;
  const champion = loaded.value;
  if (!isAnswerable(champion, ref.cycle)) return alreadyAnswered(champion, ref);
  const context = await nudgeContext(deps);
  const deputy = champion.deputy;
  if (!deputy) {
    const none = botText(
      'You have no deputy yet. Type **my deputy** here to choose one, or **my deputy is @name** in a team channel.',
    );
    return retry(champion, context, checkIn, none);
  }
  if (champion.cycle?.handedToDeputyAt) {
    return notice(
      md`This check-in was already passed to ${deputyNameOf(deputy)}. They can answer it, or you still can.`,
    );
  }
  // Pure: the time is read once, so a re-planned change is the same change.
  const now = deps.now();
  const hand = (c: Champion) =>
    isAnswerable(c, ref.cycle) && !c.cycle?.handedToDeputyAt ? handedToDeputy(c, now) : undefined;
  const after = storedAfter(await applyCycleChange(deps, ref.championId, existing(hand), loaded)) ?? champion;
  if (!isAnswerable(after, ref.cycle)) return alreadyAnswered(after, ref);
  return buildNudgeCard(after, ref.cycle, context, {
    notice: md`Passed to ${deputyNameOf(deputy)}: they'll get this check-in in a moment. You can still answer it here.`,
  });
}
