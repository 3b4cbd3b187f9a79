import type { Turn } from '../../bot/turn.js';
import { computeNextDue } from '../../calendar/due-date.js';
import { nextWorkingSlot } from '../../calendar/working-hours.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { storedAfter, type Versioned } from '../../storage/versioned.js';
import type { ChampionDeps } from '../champion-deps.js';
import type { Champion, ChampionPerson } from '../domain/champion.js';
import { findDirectorate } from '../domain/find-directorate.js';
import { formatUkDate } from '../domain/format-uk-date.js';
import type { CycleChange } from '../domain/nudge-cycle.js';
import { NUDGE_JOB, NudgeKind, nudgeWorkFor } from '../domain/nudge-work.js';
import { applyCycleChange } from '../nudges/apply-cycle-change.js';
import { NOT_A_CHAMPION } from './own-champion.js';

function namesOf(list: readonly Choice[]): string {
  return list.map((d) => d.label).join('; ');
}

/**
 * Creates or updates a champion; a new one gets a first due date one cadence from now, on a working day. The nudge
 * is put in the due index first, so it can never be missing (a stale entry is dropped when found).
 */
async function saveChampion(
  deps: ChampionDeps,
  person: ChampionPerson,
  directorate: Choice,
  by: string,
  reach: Pick<Champion, 'personalReference' | 'teamReference'>,
): Promise<Champion | undefined> {
  const now = deps.now();
  const { cadenceDays, workingHours } = deps.settings;
  const firstDue = computeNextDue(now, cadenceDays, workingHours).toISOString();
  const existing = await deps.champions.get(person.id);
  const nextDueAt = existing?.value.nextDueAt ?? firstDue;
  await deps.dueIndex.schedule(NUDGE_JOB, {
    kind: NudgeKind.nudge,
    targetId: person.id,
    cycle: nextDueAt,
    dueAt: nextDueAt,
  });
  const write = await deps.champions.write(
    person.id,
    (current) => {
      const { unreachable: _reachableAgain, ...rest } = current ?? ({} as Partial<Champion>);
      return {
        ...rest,
        person: { ...current?.person, ...person },
        directorate: directorate.id,
        directorateLabel: directorate.label,
        status: current?.status ?? 'active',
        ...reach,
        nextDueAt: current?.nextDueAt ?? nextDueAt,
        registeredBy: current?.registeredBy ?? by,
        registeredAt: current?.registeredAt ?? now.toISOString(),
        updatedAt: now.toISOString(),
      };
    },
    existing ? { from: existing } : {},
  );
  const after = storedAfter(write);
  if (after && after.nextDueAt !== nextDueAt) await deps.dueIndex.schedule(NUDGE_JOB, nudgeWorkFor(after));
  return after;
}

/** `I'm a champion for Finance` in a 1:1 chat. */
export async function registerSelf(turn: Turn, deps: ChampionDeps, directorateText: string): Promise<void> {
  const directorates = await deps.directorates.list();
  const directorate = findDirectorate(directorates, directorateText);
  if (!directorate) {
    await turn.say(
      `I don't know the directorate “${maskPersonalData(directorateText.slice(0, 80))}”. Please choose one of: ${namesOf(directorates)}.`,
    );
    return;
  }
  const champion = await saveChampion(deps, { ...turn.actor }, directorate, turn.actor.id, {
    personalReference: turn.reference,
  });
  turn.log.info({ directorate: directorate.id }, 'champion registered');
  await turn.say(
    `Thank you: you are registered as a partnership champion for ${directorate.label}. Every six weeks, on a working day, I'll ask how patients, carers or communities shaped your directorate's work. Your first nudge is due ${formatUkDate(new Date(champion?.nextDueAt ?? deps.now()))}. Type **pause nudges** at any time.`,
  );
}

/** `add champion @person for Finance` by a PPI team member in a team channel. */
export async function registerOther(turn: Turn, deps: ChampionDeps, directorateText: string): Promise<void> {
  const mention = turn.mentions[0];
  const named = directorateText.replace(/@[^@]*$/, '').trim();
  const directorates = await deps.directorates.list();
  const directorate = findDirectorate(directorates, named);
  if (!mention?.channelUserId || !directorate) {
    await turn.say(
      `Please @mention the person and name a directorate, for example **add champion @Sam Jones for Finance**. Directorates: ${namesOf(directorates)}.`,
    );
    return;
  }
  const person = await turn.lookupMember(mention.channelUserId);
  if (!person) {
    await turn.say(`I couldn't find ${mention.name} in this team, so they were not registered.`);
    return;
  }
  const who = {
    id: person.id,
    name: person.name,
    ...(person.channelUserId ? { channelUserId: person.channelUserId } : {}),
  };
  await saveChampion(deps, who, directorate, turn.actor.id, { teamReference: turn.reference });
  await turn.say(`${person.name} is now a partnership champion for ${directorate.label}.`);
}

/** `pause nudges` / `resume nudges`: a champion for themselves. Resuming after a missed due date asks today. */
export async function setPaused(
  turn: Turn,
  deps: ChampionDeps,
  loaded: Versioned<Champion>,
  paused: boolean,
): Promise<void> {
  const now = deps.now();
  const change = (current: Champion): CycleChange => {
    if (paused) return { champion: { ...current, status: 'paused', updatedAt: now.toISOString() }, schedule: [] };
    const due =
      new Date(current.nextDueAt) > now
        ? current.nextDueAt
        : nextWorkingSlot(now, deps.settings.workingHours).toISOString();
    const champion: Champion = { ...current, status: 'active', nextDueAt: due, updatedAt: now.toISOString() };
    return { champion, schedule: [nudgeWorkFor(champion)] };
  };
  const after = storedAfter(await applyCycleChange(deps, turn.actor.id, change, loaded));
  if (!after) {
    await turn.say(NOT_A_CHAMPION);
    return;
  }
  await turn.say(
    paused
      ? 'Nudges paused. Type **resume nudges** when you want them again.'
      : `Nudges resumed. Your next one is due ${formatUkDate(new Date(after.nextDueAt))}.`,
  );
}
