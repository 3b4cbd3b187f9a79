import { md } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { existing, type Versioned } from '../../storage/versioned.js';
import type { ChampionsDeps } from '../champions-deps.js';
import type { Champion } from '../domain/champion.js';
import { dueNow } from '../domain/champion-changes.js';
import { nudgeWorkFor } from '../domain/nudge-work.js';
import { applyCycleChange } from '../store/apply-cycle-change.js';

/** What the PPI team is told about someone else's check-in. */
type Describe = (c: Champion, inOwnChat: boolean) => string | undefined;

const FOR_SOMEONE: Readonly<Record<string, Describe | undefined>> = {
  sent: (c) => md`Sent ${c.person.name}'s check-in to their 1:1 chat with me.`,
  resent: (c) => md`Sent ${c.person.name}'s check-in to their 1:1 chat with me.`,
  'already-done': (c) => md`${c.person.name}'s check-in has already been sent.`,
  unreachable: (c) =>
    md`I couldn't reach ${c.person.name}: they need to open a 1:1 chat with me, or be added from a team I'm in.`,
};

/** What a champion is told about their own: in their own 1:1 chat the card itself is the answer, so nothing more. */
const FOR_YOU: Readonly<Record<string, Describe | undefined>> = {
  sent: (_c, own) => (own ? undefined : 'Sent your check-in to our 1:1 chat.'),
  resent: (_c, own) => (own ? undefined : 'Sent your check-in to our 1:1 chat.'),
  'already-done': (_c, own) =>
    own ? 'Your check-in is already here, above.' : 'Your check-in is already in our 1:1 chat.',
  unreachable: () => "I couldn't reach you in our 1:1 chat. Please open a chat with me, then type **nudge me now**.",
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
  const outcome = after
    ? await deps.deliverNudgeNow(nudgeWorkFor(after))
    : write.status === 'refused'
      ? 'already-done'
      : 'error';
  const own = turn.actor.id === champion.person.id;
  const describe = own ? FOR_YOU[outcome] : FOR_SOMEONE[outcome];
  if (!describe) {
    await turn.say('I could not send the check-in just now. Nothing was lost; please try again.');
    return;
  }
  const sentence = describe(after ?? champion, own && turn.conversation.kind === 'personal');
  if (sentence) await turn.say(sentence);
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
