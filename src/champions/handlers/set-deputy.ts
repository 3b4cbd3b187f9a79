import type { Turn } from '../../bot/turn.js';
import { existing } from '../../storage/versioned.js';
import type { ChampionDeps } from '../champion-deps.js';
import type { Deputy } from '../domain/champion.js';

const NOT_A_CHAMPION =
  "You're not registered as a partnership champion. Type **I'm a champion for** and your directorate to register.";

/** `my deputy is @person` (in a team channel, so the bot can reach them), or `no deputy`. */
export async function setDeputy(turn: Turn, deps: ChampionDeps, remove: boolean): Promise<void> {
  const champion = (await deps.champions.get(turn.actor.id))?.value;
  if (!champion) {
    await turn.say(NOT_A_CHAMPION);
    return;
  }
  let deputy: Deputy | undefined;
  if (!remove) {
    const mention = turn.mentions[0];
    if (!mention?.channelUserId || turn.conversation.kind === 'personal') {
      await turn.say(
        'Please do this in a team channel you share with your deputy, and @mention them: **my deputy is @Sam Jones**.',
      );
      return;
    }
    const person = await turn.lookupMember(mention.channelUserId);
    if (!person) {
      await turn.say(`I couldn't find ${mention.name} in this team, so nothing was changed.`);
      return;
    }
    if (person.id === champion.person.id) {
      await turn.say('Your deputy needs to be someone else.');
      return;
    }
    deputy = {
      id: person.id,
      name: person.name,
      ...(person.channelUserId ? { channelUserId: person.channelUserId } : {}),
      teamReference: turn.reference,
    };
  }
  await deps.champions.write(
    turn.actor.id,
    existing((current) => {
      const { deputy: _old, ...rest } = current;
      return { ...rest, ...(deputy ? { deputy } : {}), updatedAt: deps.now().toISOString() };
    }),
  );
  await turn.say(
    deputy
      ? `${deputy.name} is now your deputy. A check-in card has a **Hand to my deputy** button when you need it.`
      : 'Your deputy has been removed.',
  );
}
