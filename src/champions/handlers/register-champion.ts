import { md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { findEntry } from '../../trust-lists/domain/find-entry.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { type Champion, cadenceInWords } from '../domain/champion.js';
import { pausedOrResumed, type Registration, registered } from '../domain/champion-changes.js';
import { applyCycleChange } from '../store/apply-cycle-change.js';
import { NOT_A_CHAMPION } from './own-champion.js';

function namesOf(list: readonly Choice[]): string {
  return list.map((d) => d.label).join('; ');
}

/** Creates or updates a champion, due work first (so their nudge can never be missing). */
async function saveChampion(deps: ChampionsDeps, registration: Registration): Promise<Champion | undefined> {
  const now = deps.now();
  const change = (current: Champion | undefined) => registered(current, registration, now, deps.settings);
  return storedAfter(await applyCycleChange(deps, registration.person.id, change));
}

/** `I'm a champion for Finance` in a 1:1 chat. */
export async function registerSelf(turn: Turn, deps: ChampionsDeps, directorateText: string): Promise<void> {
  const directorates = await deps.directorates.offered();
  const directorate = findEntry(directorates, directorateText);
  if (!directorate) {
    const named = maskPersonalData(directorateText.slice(0, 80));
    await turn.say(md`I don't know the directorate “${named}”. Please choose one of: ${namesOf(directorates)}.`);
    return;
  }
  const reach = { personalReference: turn.reference };
  const champion = await saveChampion(deps, { person: { ...turn.actor }, directorate, by: turn.actor.id, reach });
  turn.log.info({ directorate: directorate.id }, 'champion registered');
  const every = cadenceInWords(champion?.cadenceDays ?? deps.settings.cadenceDays);
  await turn.say(
    md`Thank you: you are registered as a partnership champion for ${directorate.label}. Every ${every}, on a working day, I'll ask whether patients were involved in your directorate's work, and if not, why not. Your first nudge is due ${formatUkDate(new Date(champion?.nextDueAt ?? deps.now()))}. Type **pause nudges** at any time.`,
  );
}

/** `add champion @person for Finance` by a PPI team member in a team channel. */
export async function registerOther(turn: Turn, deps: ChampionsDeps, directorateText: string): Promise<void> {
  const mention = turn.mentions[0];
  const directorates = await deps.directorates.offered();
  const directorate = findEntry(directorates, directorateText.replace(/@[^@]*$/, '').trim());
  if (!mention?.channelUserId || !directorate) {
    await turn.say(
      md`Please @mention the person and name a directorate, for example **add champion @Sam Jones for Finance**. Directorates: ${namesOf(directorates)}.`,
    );
    return;
  }
  const person = await turn.lookupMember(mention.channelUserId);
  if (!person) {
    await turn.say(md`I couldn't find ${mention.name} in this team, so they were not registered.`);
    return;
  }
  const reach = { teamReference: turn.reference };
  await saveChampion(deps, { person, directorate, by: turn.actor.id, reach });
  await turn.say(md`${person.name} is now a partnership champion for ${directorate.label}.`);
}

/** `pause nudges` / `resume nudges`: a champion for themselves. */
export async function setPaused(turn: Turn, deps: ChampionsDeps, loaded: Versioned<Champion>, pause: boolean) {
  const now = deps.now();
  const change = existing((c: Champion) => pausedOrResumed(c, pause, now, deps.settings));
  const after = storedAfter(await applyCycleChange(deps, turn.actor.id, change, loaded));
  if (!after) {
    await turn.say(NOT_A_CHAMPION);
    return;
  }
  await turn.say(
    pause
      ? 'Nudges paused. Type **resume nudges** when you want them again.'
      : `Nudges resumed. Your next one is due ${formatUkDate(new Date(after.nextDueAt))}.`,
  );
}
