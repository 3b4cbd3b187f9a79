import { md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import type { ChampionsDeps } from '../champions-deps.js';
import type { Champion } from '../domain/champion.js';
import { buddyRefusal, withBuddy } from '../domain/champion-changes.js';

const REFUSALS: Readonly<Record<string, (name: string) => string>> = {
  'not-a-champion': (name) => md`${name} is not a registered partnership champion, so they can't be your buddy yet.`,
  self: () => 'Your buddy needs to be another champion.',
  'same-directorate': (name) =>
    md`${name} is a champion for your own directorate: a buddy comes from outside it, for a fresh view.`,
};

/** Clears `id`'s buddy link to `from` (when it still points there), so a pair is never left half joined. */
async function unpair(deps: ChampionsDeps, id: string, from: string): Promise<void> {
  const now = deps.now();
  await deps.champions.write(
    id,
    existing((c: Champion) => (c.buddy?.id === from ? withBuddy(c, undefined, now) : undefined)),
  );
}

/**
 * Pairs two champions both ways (each one's earlier buddy is let go). When the second half cannot be written (the
 * other champion was removed meanwhile), the first is undone, so a pair is never left half joined.
 */
async function pair(deps: ChampionsDeps, one: Versioned<Champion>, other: Versioned<Champion>): Promise<boolean> {
  const now = deps.now();
  for (const [me, them] of [
    [one.value, other.value],
    [other.value, one.value],
  ] as const) {
    if (me.buddy && me.buddy.id !== them.person.id) await unpair(deps, me.buddy.id, me.person.id);
  }
  const first = await deps.champions.write(
    one.value.person.id,
    existing((c: Champion) => withBuddy(c, other.value, now)),
    { from: one },
  );
  if (first.status !== 'applied') return false;
  const second = await deps.champions.write(
    other.value.person.id,
    existing((c: Champion) => withBuddy(c, one.value, now)),
    { from: other },
  );
  if (second.status === 'applied') return true;
  await unpair(deps, one.value.person.id, other.value.person.id);
  return false;
}

/**
 * `my buddy is @person` (a champion, where the bot can see who was @mentioned): a champion from another directorate
 * to ask for mutual advice, paired both ways. `no buddy` lets the pair go.
 */
export async function setBuddy(turn: Turn, deps: ChampionsDeps, loaded: Versioned<Champion>, remove: boolean) {
  const me = loaded.value;
  if (remove) {
    if (!me.buddy) {
      await turn.say('You have no buddy at the moment.');
      return;
    }
    await unpair(deps, me.buddy.id, me.person.id);
    await deps.champions.write(
      me.person.id,
      existing((c: Champion) => withBuddy(c, undefined, deps.now())),
      {
        from: loaded,
      },
    );
    await turn.say(md`${me.buddy.name} is no longer your buddy.`);
    return;
  }
  const mention = turn.mentions[0];
  const person = mention?.channelUserId ? await turn.lookupMember(mention.channelUserId) : undefined;
  if (!mention || !person) {
    await turn.say(
      'Please @mention another champion, in a channel or chat you share with them: **my buddy is @Sam Jones**.',
    );
    return;
  }
  const other = await deps.champions.get(person.id);
  const refusal = buddyRefusal(me, other?.value);
  if (refusal || !other) {
    await turn.say(REFUSALS[refusal ?? 'not-a-champion']?.(person.name) ?? '');
    return;
  }
  if (!(await pair(deps, loaded, other))) {
    await turn.say(md`${person.name} is no longer registered as a champion, so they can't be your buddy.`);
    return;
  }
  await turn.say(
    md`${person.name} is now your buddy: you can ask each other for advice on working in partnership. Their check-in cards name you, and yours name them.`,
  );
}
