import { botText, type CardText, md, written } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { buildFormCard } from '../../forms/form-card.js';
import type { InputState } from '../../forms/form-inputs.js';
import { readForm } from '../../forms/read-form.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import type { ChampionsDeps } from '../champions-deps.js';
import { ChampionVerb } from '../champions-verbs.js';
import type { Champion, Deputy } from '../domain/champion.js';
import { withDeputy } from '../domain/champion-changes.js';
import { DEPUTY_FORM } from '../domain/champion-forms.js';

/** The deputy @mentioned, with the team through which the bot can reach them; or why not. */
async function deputyNamed(turn: Turn, champion: Champion): Promise<Deputy | string> {
  const mention = turn.mentions[0];
  if (!mention?.channelUserId) {
    return 'Please @mention your deputy, in a team channel you share with them: **my deputy is @Sam Jones**. In our 1:1 chat, type **my deputy** to choose them from a list.';
  }
  const person = await turn.lookupMember(mention.channelUserId);
  if (!person) return md`I couldn't find ${mention.name} in this team, so nothing was changed.`;
  if (person.id === champion.person.id) return 'Your deputy needs to be someone else.';
  return {
    id: person.id,
    name: person.name,
    ...(person.channelUserId ? { channelUserId: person.channelUserId } : {}),
    teamReference: turn.reference,
  };
}

/**
 * The deputy chosen with Teams' people picker, which sends their Entra object id only. Their name is looked up
 * where Teams can give it (it may not, from a 1:1 chat: then they are "your deputy" until it can). Teams opens a 1:1
 * chat with someone who has the app from their Entra object id, so that id is how the hand-off reaches them, through
 * this chat's service (its `teamReference`).
 */
async function deputyPicked(turn: Turn, champion: Champion, id: string): Promise<Deputy | string> {
  if (id === champion.person.id) return 'Your deputy needs to be someone else.';
  const person = await turn.lookupMember(id);
  return { id, name: person?.name ?? '', channelUserId: person?.channelUserId ?? id, teamReference: turn.reference };
}

async function save(deps: ChampionsDeps, loaded: Versioned<Champion>, deputy: Deputy | undefined): Promise<CardText> {
  const now = deps.now();
  await deps.champions.write(
    loaded.value.person.id,
    existing((c: Champion) => withDeputy(c, deputy, now)),
    { from: loaded },
  );
  if (!deputy) return botText('Your deputy has been removed.');
  const who = deputy.name
    ? md`${deputy.name} is now your deputy.`
    : botText('Done: the person you chose is now your deputy.');
  return md`${written(who)} A check-in card has a **Hand to my deputy** button when you need it.`;
}

/** The people picker card (1:1 chat). */
export function deputyPicker(state: InputState & { readonly notice?: CardText } = {}): AdaptiveCard {
  return buildFormCard({
    kicker: botText('Partnership champions'),
    title: botText('Who is your deputy?'),
    intro: botText('Your deputy can answer a check-in for you when you hand it to them.'),
    ...state,
    fields: DEPUTY_FORM.fields,
    buttons: [{ title: 'Make them my deputy', verb: ChampionVerb.deputyPicked, data: {}, withInputs: true }],
  });
}

/**
 * `my deputy` / `my deputy is @person`: in a team channel or group chat the person @mentioned (so the bot can reach
 * them through that team); in a 1:1 chat, where nobody can be @mentioned, the people picker. `no deputy` removes.
 */
export async function setDeputy(turn: Turn, deps: ChampionsDeps, loaded: Versioned<Champion>, remove: boolean) {
  if (!remove && turn.conversation.kind === 'personal') {
    await turn.say({ card: deputyPicker(), summary: 'Who is your deputy?' });
    return;
  }
  const deputy = remove ? undefined : await deputyNamed(turn, loaded.value);
  await turn.say(typeof deputy === 'string' ? deputy : await save(deps, loaded, deputy));
}

/** "Make them my deputy" on the people picker. */
export async function setPickedDeputy(
  turn: Turn,
  deps: ChampionsDeps,
  inputs: Readonly<Record<string, unknown>>,
  loaded: Versioned<Champion>,
): Promise<AdaptiveCard> {
  const read = readForm(DEPUTY_FORM, inputs);
  if (!read.ok) return deputyPicker({ errors: read.errors, notice: read.message });
  const deputy = await deputyPicked(turn, loaded.value, String(read.values.deputy));
  if (typeof deputy === 'string') return deputyPicker({ notice: botText(deputy) });
  return buildNoticeCard({ text: await save(deps, loaded, deputy) });
}
