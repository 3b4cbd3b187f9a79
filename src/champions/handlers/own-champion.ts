import { botText } from '../../bot/card-text.js';
import { type Answer, answer } from '../../bot/router.js';
import type { Turn } from '../../bot/turn.js';
import type { Versioned } from '../../storage/versioned.js';
import type { ChampionsDeps } from '../champions-deps.js';
import type { Champion } from '../domain/champion.js';

export const NOT_A_CHAMPION = botText(
  "You're not registered as a partnership champion. Type **I'm a champion for** and your directorate to register.",
);

/** The person's own champion record, for the commands a champion gives about themselves. */
export function loadOwnChampion(deps: Pick<ChampionsDeps, 'champions'>) {
  return async (turn: Turn): Promise<Versioned<Champion> | Answer> =>
    (await deps.champions.get(turn.actor.id)) ?? answer(NOT_A_CHAMPION);
}

export const championHolders = ({ value }: Versioned<Champion>) => ({
  champion: value.person.id,
  ...(value.deputy ? { deputy: value.deputy.id } : {}),
});
