import { md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { cleanText } from '../../forms/read-form-field.js';
import { describePersonalData } from '../../personal-data/describe-personal-data.js';
import { findPersonalData } from '../../personal-data/find-personal-data.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import type { DirectoratesDeps } from '../directorates-deps.js';
import { idFor, MAX_LABEL } from '../domain/directorate-list.js';
import { findDirectorate } from '../domain/find-directorate.js';

/** `directorates`: the current list, for anyone. */
export async function listDirectorates(turn: Turn, deps: DirectoratesDeps): Promise<void> {
  const list = await deps.directorates.list();
  await turn.say(md`Directorates (${list.length}):\n\n${list.map((d) => `- ${d.label}`).join('\n')}`);
}

/** Why a name cannot be a new directorate, or undefined when it can (personal data is refused, never echoed). */
async function problemWith(deps: DirectoratesDeps, label: string): Promise<string | undefined> {
  if (!idFor(label) || label.length > MAX_LABEL) {
    return `Please give the directorate's name (up to ${MAX_LABEL} characters), e.g. **add directorate Digital Services**.`;
  }
  const personal = findPersonalData(label);
  if (personal.length > 0) return describePersonalData(personal, { shownMasked: false });
  const existing = findDirectorate(await deps.directorates.list(), label);
  const same = existing && (existing.id === idFor(label) || existing.label.toLowerCase() === label.toLowerCase());
  return same ? md`${existing.label} is already on the list.` : undefined;
}

/** `add directorate Digital Services` (PPI admins). */
export async function addDirectorate(turn: Turn, deps: DirectoratesDeps, text: string): Promise<void> {
  const label = cleanText(text).replace(/\s+/g, ' ');
  const problem = await problemWith(deps, label);
  if (problem) {
    await turn.say(problem);
    return;
  }
  const at = deps.now().toISOString();
  await deps.directorates.save({ id: idFor(label), label, retired: false, changedBy: turn.actor.id, changedAt: at });
  await turn.say(md`Added ${label}. Champions can now register for it.`);
}

/** `remove directorate Digital Services` (PPI admins): retired, so existing champions and records keep their label. */
export async function removeDirectorate(turn: Turn, deps: DirectoratesDeps, text: string): Promise<void> {
  const found = findDirectorate(await deps.directorates.list(), text);
  if (!found) {
    const named = maskPersonalData(cleanText(text).slice(0, MAX_LABEL));
    await turn.say(md`I couldn't find “${named}” on the list. Type **directorates** to see it.`);
    return;
  }
  const at = deps.now().toISOString();
  await deps.directorates.save({ ...found, retired: true, changedBy: turn.actor.id, changedAt: at });
  await turn.say(md`Removed ${found.label} from the list. Champions already registered for it keep it.`);
}
