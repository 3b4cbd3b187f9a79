import type { CardActionResult, Turn } from '../../bot/turn.js';
import { CalendarInputError } from '../../calendar/calendar-input-error.js';
import { londonDateKey } from '../../calendar/london-time.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { cleanText } from '../../forms/read-form-field.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { storedAfter, type Versioned } from '../../storage/versioned.js';
import { buildNudgeCard, type NudgeCardRef } from '../cards/nudge-card.js';
import type { ChampionDeps } from '../champion-deps.js';
import type { Champion } from '../domain/champion.js';
import { formatUkDate } from '../domain/format-uk-date.js';
import { type CycleAnswer, type CycleChange, cycleAnswered, handedToDeputy } from '../domain/nudge-cycle.js';
import { readInvolvement, readSnooze, readWhyNot, typedOnCard } from '../domain/read-nudge-answer.js';
import { applyCycleChange } from '../nudges/apply-cycle-change.js';

type Data = Readonly<Record<string, unknown>>;
type Found = { loaded: Versioned<Champion>; champion: Champion; ref: NudgeCardRef };
type Loaded = Found | CardActionResult;

const notice = (text: string): CardActionResult => ({ card: buildNoticeCard({ text }) });

function readRef(data: Data): NudgeCardRef | undefined {
  const championId = cleanText(data.championId);
  const cycle = cleanText(data.cycle);
  if (!championId || championId.length > 200 || !cycle || cycle.length > 40) return undefined;
  return { championId, cycle };
}

/** Open: this cycle is unanswered, or its nudge is being delivered right now (sent, not yet recorded). */
function isOpen(champion: Champion, cycle: string): boolean {
  if (champion.cycle?.dueAt === cycle) return !champion.cycle.answer;
  return champion.nextDueAt === cycle;
}

function alreadyAnswered(champion: Champion, ref: NudgeCardRef): CardActionResult {
  const c = champion.cycle;
  const next = `Your next check-in is due ${formatUkDate(new Date(champion.nextDueAt))}.`;
  if (c?.dueAt === ref.cycle && c.answeredAt) {
    return notice(`This check-in was already answered on ${formatUkDate(new Date(c.answeredAt))}. ${next}`);
  }
  return notice(`This card is from an earlier check-in and can't be answered any more. ${next}`);
}

/** Finds the champion a card belongs to and checks the person clicking is that champion or their deputy. */
async function load(turn: Turn, deps: ChampionDeps, data: Data): Promise<Loaded> {
  const ref = readRef(data);
  if (!ref) return notice("This card is out of date or incomplete, so I couldn't use it. Nothing was changed.");
  const loaded = await deps.champions.get(ref.championId);
  if (!loaded) return notice('That champion is no longer registered, so there is nothing to answer.');
  const champion = loaded.value;
  const allowed = turn.actor.id === champion.person.id || turn.actor.id === champion.deputy?.id;
  if (!allowed) {
    return notice(`This check-in belongs to ${champion.person.name}; only they or their deputy can answer it.`);
  }
  if (!isOpen(champion, ref.cycle)) return alreadyAnswered(champion, ref);
  return { loaded, champion, ref };
}

function isLoaded(value: Loaded): value is Found {
  return 'champion' in value;
}

async function save(
  turn: Turn,
  deps: ChampionDeps,
  loaded: Found,
  change: (c: Champion) => CycleChange,
  thanks: (after: Champion) => string,
): Promise<CardActionResult> {
  const write = await applyCycleChange(
    deps,
    loaded.ref.championId,
    (c) => (isOpen(c, loaded.ref.cycle) ? change(c) : undefined),
    loaded.loaded,
  );
  if (write.status !== 'applied') return alreadyAnswered(storedAfter(write) ?? loaded.champion, loaded.ref);
  const after = write.saved.value;
  turn.log.info({ answer: after.cycle?.answer ?? 'deputy' }, 'champion check-in answered');
  return notice(thanks(after));
}

function retry(loaded: Found, problem: string, data: Data): CardActionResult {
  return { card: buildNudgeCard(loaded.champion, loaded.ref.cycle, { notice: problem, typed: typedOnCard(data) }) };
}

const nextDue = (c: Champion) => `Your next check-in is due ${formatUkDate(new Date(c.nextDueAt))}.`;

/** "Log involvement": an engagement record (idempotent per cycle), then the cycle is closed. */
export async function logInvolvement(turn: Turn, deps: ChampionDeps, data: Data): Promise<CardActionResult> {
  const loaded = await load(turn, deps, data);
  if (!isLoaded(loaded)) return loaded;
  const answer = readInvolvement(data);
  if (!answer.ok) return retry(loaded, answer.problem, data);
  const now = deps.now();
  const { champion, ref } = loaded;
  await deps.involvements.record({
    id: `champion~${ref.championId}~${ref.cycle}`,
    directorate: champion.directorate,
    projectName: answer.value.project,
    whatPatientsShaped: answer.value.shaped,
    rungId: answer.value.rungId,
    peopleCount: answer.value.peopleCount,
    activityDate: londonDateKey(now),
    recordedBy: { id: turn.actor.id, name: turn.actor.name },
    recordedAt: now.toISOString(),
  });
  const rung = labelOf(referenceData.ladderRungs, answer.value.rungId);
  return save(
    turn,
    deps,
    loaded,
    (c) => cycleAnswered(c, loaded.ref.cycle, { kind: 'involvement' }, turn.actor.id, now, deps.settings),
    (after) =>
      `Thank you: logged “${answer.value.project}” (${rung}, ${answer.value.peopleCount} people) for the PPI team's evidence. ${nextDue(after)}`,
  );
}

/** "Nothing to report", with the reason. */
export async function nothingToReport(turn: Turn, deps: ChampionDeps, data: Data): Promise<CardActionResult> {
  const loaded = await load(turn, deps, data);
  if (!isLoaded(loaded)) return loaded;
  const whyNot = readWhyNot(data);
  if (!whyNot.ok) return retry(loaded, whyNot.problem, data);
  const answer: CycleAnswer = { kind: 'nothing-to-report', whyNot: whyNot.value };
  return save(
    turn,
    deps,
    loaded,
    (c) => cycleAnswered(c, loaded.ref.cycle, answer, turn.actor.id, deps.now(), deps.settings),
    (after) => `Thank you: noted that there was nothing to report this time, and why. ${nextDue(after)}`,
  );
}

/** "Snooze": a week, or until a date. */
export async function snooze(turn: Turn, deps: ChampionDeps, data: Data): Promise<CardActionResult> {
  const loaded = await load(turn, deps, data);
  if (!isLoaded(loaded)) return loaded;
  const option = readSnooze(data);
  if (!option.ok) return retry(loaded, option.problem, data);
  try {
    return await save(
      turn,
      deps,
      loaded,
      (c) =>
        cycleAnswered(
          c,
          loaded.ref.cycle,
          { kind: 'snoozed', option: option.value },
          turn.actor.id,
          deps.now(),
          deps.settings,
        ),
      (after) => `Snoozed: I'll ask again on ${formatUkDate(new Date(after.nextDueAt))}.`,
    );
  } catch (error) {
    if (error instanceof CalendarInputError) return retry(loaded, error.message, data);
    throw error;
  }
}

/** "Hand to my deputy": the deputy gets this check-in (through the delivery engine, once). */
export async function handToDeputy(turn: Turn, deps: ChampionDeps, data: Data): Promise<CardActionResult> {
  const loaded = await load(turn, deps, data);
  if (!isLoaded(loaded)) return loaded;
  const deputy = loaded.champion.deputy;
  if (!deputy) return retry(loaded, 'You have no deputy yet. Type **my deputy is @name** in a team channel.', data);
  if (turn.actor.id !== loaded.champion.person.id) {
    return retry(loaded, 'Only the champion can pass this check-in on.', data);
  }
  if (loaded.champion.cycle?.handedToDeputyAt) {
    return notice(`This check-in was already passed to ${deputy.name}. They can answer it, or you still can.`);
  }
  const write = await applyCycleChange(
    deps,
    loaded.ref.championId,
    (c) => (isOpen(c, loaded.ref.cycle) && !c.cycle?.handedToDeputyAt ? handedToDeputy(c, deps.now()) : undefined),
    loaded.loaded,
  );
  const after = storedAfter(write) ?? loaded.champion;
  if (!isOpen(after, loaded.ref.cycle)) return alreadyAnswered(after, loaded.ref);
  return {
    card: buildNudgeCard(after, loaded.ref.cycle, {
      notice: `Passed to ${deputy.name}: they'll get this check-in in a moment. You can still answer it here.`,
    }),
  };
}
