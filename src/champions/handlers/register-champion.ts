import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import type { Choice } from '../../reference-data/reference-data.js';
import { existing, storedAfter, type Versioned } from '../../storage/versioned.js';
import { findEntry } from '../../trust-lists/domain/find-entry.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { ChampionVerb } from '../champions-verbs.js';
import { type Champion, cadenceInWords } from '../domain/champion.js';
import { pausedOrResumed, type Registration, registered } from '../domain/champion-changes.js';
import { directorateForm } from '../domain/champion-forms.js';
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

/**
 * Which directorate: the live list as a picker (what `I'm a champion` with none, or an unknown one, shows). `every`
 * is how often a new champion is asked, in words ("6 weeks").
 */
export function directoratePicker(
  directorates: readonly Choice[],
  every: string,
  state: InputState & { readonly notice?: CardText } = {},
): AdaptiveCard {
  return buildFormCard({
    kicker: botText('Partnership champions'),
    title: botText('Which directorate are you a champion for?'),
    intro: botText(
      `Every ${every}, on a working day, I’ll ask whether patients were involved in its work, and if not, why not. Answering takes a minute.`,
    ),
    ...state,
    fields: directorateForm(directorates).fields,
    buttons: [{ title: 'Register me', verb: ChampionVerb.register, data: {}, withInputs: true }],
  });
}

/** Registers the person as the champion for `directorate`, and the sentence that thanks them. */
async function register(turn: Turn, deps: ChampionsDeps, directorate: Choice): Promise<CardText> {
  const reach = { personalReference: turn.reference };
  const champion = await saveChampion(deps, { person: { ...turn.actor }, directorate, by: turn.actor.id, reach });
  turn.log.info({ directorate: directorate.id }, 'champion registered');
  const every = cadenceInWords(champion?.cadenceDays ?? deps.settings.cadenceDays);
  return md`Thank you: you are registered as a partnership champion for ${directorate.label}. Every ${every}, on a working day, I'll ask whether patients were involved in your directorate's work, and if not, why not. Your first nudge is due ${formatUkDate(new Date(champion?.nextDueAt ?? deps.now()))}. Type **pause nudges** at any time.`;
}

/** The picker for someone registering themselves, with how often a new champion is asked. */
function pickerFor(deps: ChampionsDeps, directorates: readonly Choice[], state?: InputState & { notice?: CardText }) {
  return directoratePicker(directorates, cadenceInWords(deps.settings.cadenceDays), state);
}

/** `I'm a champion` with no directorate: asks which, from the live list. */
export async function askDirectorate(turn: Turn, deps: ChampionsDeps): Promise<void> {
  await turn.say({ card: pickerFor(deps, await deps.directorates.offered()), summary: 'Which directorate?' });
}

/** `I'm a champion for Finance` in a 1:1 chat; a directorate not on the list gets the picker, saying so. */
export async function registerSelf(turn: Turn, deps: ChampionsDeps, directorateText: string): Promise<void> {
  const directorates = await deps.directorates.offered();
  const directorate = findEntry(directorates, directorateText);
  if (!directorate) {
    const named = maskPersonalData(directorateText.slice(0, 80));
    const notice = md`I don't know the directorate “${named}”. Please choose yours from the list.`;
    await turn.say({ card: pickerFor(deps, directorates, { notice }), summary: 'Which directorate?' });
    return;
  }
  await turn.say(await register(turn, deps, directorate));
}

/** "Register me" on the picker: the directorate chosen, checked against the list as it is now. */
export async function registerFromPicker(
  turn: Turn,
  deps: ChampionsDeps,
  inputs: Readonly<Record<string, unknown>>,
): Promise<AdaptiveCard> {
  const directorates = await deps.directorates.offered();
  const form = directorateForm(directorates);
  const read = readForm(form, inputs);
  const chosen = read.ok ? directorates.find((d) => d.id === read.values.directorate) : undefined;
  if (!read.ok || !chosen) {
    const errors = read.ok ? [] : read.errors;
    const notice = read.ok ? botText('Please choose a directorate from the list.') : read.message;
    return pickerFor(deps, directorates, { errors, notice, typed: typedOnForm(form, inputs) });
  }
  return buildNoticeCard({ text: await register(turn, deps, chosen) });
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
