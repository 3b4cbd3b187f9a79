import { md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import type { ChampionsDeps } from '../champions-deps.js';
import type { Champion } from '../domain/champion.js';
import { dueNow } from '../domain/champion-changes.js';
import { nudgeWorkFor } from '../domain/nudge-work.js';
import { applyCycleChange } from '../store/apply-cycle-change.js';

const OUTCOMES: Readonly<Record<string, (c: Champion) => string>> = {
  sent: (c) => md`Sent ${c.person.name}'s check-in to their 1:1 chat with me.`,
  resent: (c) => md`Sent ${c.person.name}'s check-in to their 1:1 chat with me.`,
  'already-done': (c) => md`${c.person.name}'s check-in has already been sent.`,
  unreachable: (c) =>
    md`I couldn't reach ${c.person.name}: they need to open a 1:1 chat with me, or be added from a team I'm in.`,
};

/**
 * `nudge me now` (a champion) or `nudge @person now` (PPI team): starts a check-in straight away, at any time of day,
 * because a person asked for it. Delivered by the engine, so a repeated command cannot send it twice.
 */
export async function nudgeNow(turn: Turn, deps: ChampionsDeps, loaded: Versioned<Champion>): Promise<void> {
  const champion = loaded.value;
  if (champion.status === 'paused') {
    await turn.say(md`Nudges are paused for ${champion.person.name}. Type **resume nudges** first.`);
    return;
  }
  const now = deps.now();
  const write = await applyCycleChange(
    deps,
    champion.person.id,
    existing((c: Champion) => dueNow(c, now)),
    loaded,
  );
  const after = write.status === 'applied' ? write.saved.value : undefined;
  // Refused: the check-in sent last time is still open (asking twice does not start a second one).
  const result = after
    ? await deps.deliverNudgeNow(nudgeWorkFor(after))
    : write.status === 'refused'
      ? 'already-done'
      : 'error';
  const describe = OUTCOMES[result];
  await turn.say(
    describe
      ? describe(after ?? champion)
      : 'I could not send the check-in just now. Nothing was lost; please try again.',
  );
}

/** `nudge @person now`: the champion @mentioned (the PPI team's version of `nudge me now`). */
export async function nudgeSomeoneNow(turn: Turn, deps: ChampionsDeps): Promise<void> {
  const mention = turn.mentions[0];
  const person = mention?.channelUserId ? await turn.lookupMember(mention.channelUserId) : undefined;
  const loaded = person ? await deps.champions.get(person.id) : undefined;
  if (!person) await turn.say('Please @mention the champion, for example **nudge @Sam Jones now**.');
  else if (!loaded) await turn.say('That person is not registered as a partnership champion.');
  else await nudgeNow(turn, deps, loaded);
}
