import { botText, type CardText, md, plain } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { CalendarInputError } from '../../calendar/calendar-input-error.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import type { FormValues } from '../../forms/form-field.js';
import { type FormRead, readForm, typedOnForm } from '../../forms/read-form.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { plural } from '../../text/plural.js';
import { buildNudgeCard, type CheckInSection } from '../cards/nudge-card.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { type Champion, deputyNameOf } from '../domain/champion.js';
import {
  CHECK_IN_FORM,
  INVOLVEMENT_FORM,
  involvementEntry,
  involvementOf,
  NOTHING_TO_REPORT_FORM,
  nothingToReportOf,
  SNOOZE_FORM,
  snoozeOf,
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
  { ref, inputs }: CheckIn,
  problem: CardText | FormRead,
  open?: CheckInSection,
): AdaptiveCard {
  const errors = typeof problem === 'string' || problem.ok ? [] : problem.errors;
  // The form's messages are the bot's own sentences: they never repeat what was typed.
  const notice = typeof problem === 'string' ? problem : botText(errors.map((e) => e.message).join(' '));
  const typed = typedOnForm(CHECK_IN_FORM, inputs);
  return buildNudgeCard(champion, ref.cycle, { notice, errors, typed, ...(open ? { open } : {}) });
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

/** One answer of the card: its form, how its values become the cycle's answer, and the card section it is in. */
interface AnswerKind {
  readonly section: CheckInSection;
  readonly kind: CycleAnswer['kind'];
  readonly answerOf: (values: FormValues) => CycleAnswer;
}

const LOG: AnswerKind = { section: 'log', kind: 'involvement', answerOf: () => ({ kind: 'involvement' }) };
const NOTHING: AnswerKind = { section: 'nothing', kind: 'nothing-to-report', answerOf: nothingToReportOf };
const SNOOZE: AnswerKind = { section: 'snooze', kind: 'snoozed', answerOf: snoozeOf };

/**
 * Records an answer to an open check-in: the cycle closes and the next one is planned. The same answer clicked
 * again by the same person (a double click) gets the same thanks; an answered or older cycle is said so; a problem
 * with what was typed shows the card again with that answer open.
 */
async function recordAnswer(
  turn: Turn,
  deps: ChampionsDeps,
  checkIn: CheckIn,
  loaded: Versioned<Champion>,
  read: FormRead,
  answer: AnswerKind,
  thanks: (after: Champion) => CardText,
  beforeSave: () => Promise<void> = async () => undefined,
): Promise<AdaptiveCard> {
  const { ref } = checkIn;
  const again = (c: Champion) =>
    read.ok && repeatsAnswer(c, ref.cycle, answer.answerOf(read.values), turn.actor.id, deps.settings)
      ? notice(thanks(c))
      : undefined;
  if (!isAnswerable(loaded.value, ref.cycle)) return again(loaded.value) ?? alreadyAnswered(loaded.value, ref);
  if (!read.ok) return retry(loaded.value, checkIn, read, answer.section);
  const answered = answer.answerOf(read.values);
  await beforeSave();
  try {
    const write = await closeCycle(deps, ref, answered, turn.actor.id, loaded);
    if (write.status !== 'applied') {
      const latest = storedAfter(write) ?? loaded.value;
      return again(latest) ?? alreadyAnswered(latest, ref);
    }
    turn.log.info({ answer: answered.kind }, 'champion check-in answered');
    return notice(thanks(write.saved.value));
  } catch (error) {
    if (error instanceof CalendarInputError) return retry(loaded.value, checkIn, plain(error.message), answer.section);
    throw error;
  }
}

/** "Log involvement": an engagement record (idempotent per cycle), then the cycle is closed. */
export function logInvolvement(turn: Turn, deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  const read = readForm(INVOLVEMENT_FORM, checkIn.inputs);
  if (!read.ok) return recordAnswer(turn, deps, checkIn, loaded, read, LOG, thanksWith(''));
  const given = involvementOf(read.values);
  const entry = involvementEntry(checkIn.ref, loaded.value, given, turn.actor, deps.now());
  const rung = labelOf(referenceData.ladderRungs, given.rungId);
  const thanks = thanksWith(
    `Thank you: logged “${given.project}” (${rung}, ${plural(given.peopleCount, 'person', 'people')}) for the PPI team's evidence.`,
  );
  const record = () => deps.involvements.record(entry);
  return recordAnswer(turn, deps, checkIn, loaded, read, LOG, thanks, record);
}

/** "Nothing to report", with the reason. */
export function nothingToReport(turn: Turn, deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  const read = readForm(NOTHING_TO_REPORT_FORM, checkIn.inputs);
  const thanks = thanksWith('Thank you: noted that there was nothing to report this time, and why.');
  return recordAnswer(turn, deps, checkIn, loaded, read, NOTHING, thanks);
}

/** "Snooze": a week, or until a date. */
export function snooze(turn: Turn, deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  const read = readForm(SNOOZE_FORM, checkIn.inputs);
  const thanks = (after: Champion) => md`Snoozed: I'll ask again on ${formatUkDate(new Date(after.nextDueAt))}.`;
  return recordAnswer(turn, deps, checkIn, loaded, read, SNOOZE, thanks);
}

/** "Hand to my deputy" (the champion only): the deputy gets this check-in (through the delivery engine, once). */
export async function handToDeputy(deps: ChampionsDeps, checkIn: CheckIn, loaded: Versioned<Champion>) {
  const { ref } = checkIn;
  const champion = loaded.value;
  if (!isAnswerable(champion, ref.cycle)) return alreadyAnswered(champion, ref);
  const deputy = champion.deputy;
  if (!deputy)
    return retry(
      champion,
      checkIn,
      botText(
        'You have no deputy yet. Type **my deputy** here to choose one, or **my deputy is @name** in a team channel.',
      ),
    );
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
  return buildNudgeCard(after, ref.cycle, {
    notice: md`Passed to ${deputyNameOf(deputy)}: they'll get this check-in in a moment. You can still answer it here.`,
  });
}
