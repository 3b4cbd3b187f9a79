import { type Turn, UNKNOWN_NAME } from '../../bot/turn.js';
import { buildWelcomeCard } from '../../help/cards/welcome-card.js';
import { installationFrom, installationKey, scopeOf } from '../domain/installation.js';
import type { InstallationsDeps } from '../installations-deps.js';

/** Install events rarely carry the user's name: ask the roster, and greet without a name if that fails too. */
async function nameOf(turn: Turn): Promise<string | undefined> {
  if (turn.actor.name !== UNKNOWN_NAME) return turn.actor.name;
  const member = turn.actor.channelUserId ? await turn.lookupMember(turn.actor.channelUserId) : undefined;
  return member && member.name !== UNKNOWN_NAME ? member.name : undefined;
}

/** Records an install (with the reference for proactive messages) and welcomes once. */
export async function recordInstall(turn: Turn, deps: InstallationsDeps): Promise<void> {
  const scope = scopeOf(turn.conversation);
  const { isNew } = await deps.installations.markInstalled(installationFrom(turn, deps.now().toISOString()));
  turn.log.info({ scope, isNew }, 'installation recorded');
  if (!isNew) return;
  if (scope !== 'personal') {
    await turn.say(
      'Thanks for adding PPI Partner. @mention me with **help** to see what I can do here, for example **set PPI team channel** or **subscribe digest monthly**.',
    );
    return;
  }
  const name = await nameOf(turn);
  const card = buildWelcomeCard(name ? { name } : {});
  await turn.say({ card, summary: 'Welcome' });
}

/** Marks an uninstall (never deleted: the history stays). */
export async function recordUninstall(turn: Turn, deps: InstallationsDeps): Promise<void> {
  const scope = scopeOf(turn.conversation);
  const key = installationKey(turn.conversation, turn.actor.id);
  await deps.installations.markUninstalled(scope, key, deps.now().toISOString());
  turn.log.info({ scope }, 'uninstall recorded');
}
