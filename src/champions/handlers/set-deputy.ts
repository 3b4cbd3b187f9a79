import { md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import type { ChampionsDeps } from '../champions-deps.js';
import type { Champion, Deputy } from '../domain/champion.js';
import { withDeputy } from '../domain/champion-changes.js';

/** The deputy @mentioned, with the team through which the bot can reach them; or why not. */
async function deputyNamed(turn: Turn, champion: Champion): Promise<Deputy | string> {
  const mention = turn.mentions[0];
  if (!mention?.channelUserId) {
    return 'Please @mention your deputy, in a team channel you share with them: **my deputy is @Sam Jones**.';
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

/** `my deputy is @person` (in a team channel, so the bot can reach them), or `no deputy`. */
export async function setDeputy(turn: Turn, deps: ChampionsDeps, loaded: Versioned<Champion>, remove: boolean) {
  const deputy = remove ? undefined : await deputyNamed(turn, loaded.value);
  if (typeof deputy === 'string') {
    await turn.say(deputy);
    return;
  }
  const now = deps.now();
  await deps.champions.write(
    turn.actor.id,
    existing((c: Champion) => withDeputy(c, deputy, now)),
    { from: loaded },
  );
  await turn.say(
    deputy
      ? md`${deputy.name} is now your deputy. A check-in card has a **Hand to my deputy** button when you need it.`
      : 'Your deputy has been removed.',
  );
}
