import type { Turn } from '../../bot/turn.js';
import { findDirectorate } from '../../champions/domain/find-directorate.js';
import { cleanText } from '../../forms/read-form-field.js';
import { describePersonalData } from '../../personal-data/describe-personal-data.js';
import { findPersonalData } from '../../personal-data/find-personal-data.js';
import { maskPersonalData } from '../../personal-data/mask-personal-data.js';
import type { DirectorateStore } from '../directorate-store.js';

export interface DirectorateDeps {
  readonly directorates: DirectorateStore;
  readonly now: () => Date;
}

const MAX_LABEL = 80;

function idFor(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** `directorates`: the current list, for anyone. */
export async function listDirectorates(turn: Turn, deps: DirectorateDeps): Promise<void> {
  const list = await deps.directorates.list();
  await turn.say(`Directorates (${list.length}):\n\n${list.map((d) => `- ${d.label}`).join('\n')}`);
}

/** `add directorate Digital Services` (PPI admins). */
export async function addDirectorate(turn: Turn, deps: DirectorateDeps, text: string): Promise<void> {
  const label = cleanText(text).replace(/\s+/g, ' ');
  const id = idFor(label);
  if (!id || label.length > MAX_LABEL) {
    await turn.say(
      `Please give the directorate's name (up to ${MAX_LABEL} characters), e.g. **add directorate Digital Services**.`,
    );
    return;
  }
  const personal = findPersonalData(label);
  if (personal.length > 0) {
    await turn.say(describePersonalData(personal, { shownMasked: false }));
    return;
  }
  const existing = findDirectorate(await deps.directorates.list(), label);
  if (existing && (existing.id === id || existing.label.toLowerCase() === label.toLowerCase())) {
    await turn.say(`${existing.label} is already on the list.`);
    return;
  }
  await deps.directorates.save({
    id,
    label,
    retired: false,
    changedBy: turn.actor.id,
    changedAt: deps.now().toISOString(),
  });
  await turn.say(`Added ${label}. Champions can now register for it.`);
}

/** `remove directorate Digital Services` (PPI admins): retired, so existing champions and records keep their label. */
export async function removeDirectorate(turn: Turn, deps: DirectorateDeps, text: string): Promise<void> {
  const found = findDirectorate(await deps.directorates.list(), text);
  if (!found) {
    await turn.say(
      `I couldn't find “${maskPersonalData(cleanText(text).slice(0, MAX_LABEL))}” on the list. Type **directorates** to see it.`,
    );
    return;
  }
  await deps.directorates.save({
    id: found.id,
    label: found.label,
    retired: true,
    changedBy: turn.actor.id,
    changedAt: deps.now().toISOString(),
  });
  await turn.say(`Removed ${found.label} from the list. Champions already registered for it keep it.`);
}
