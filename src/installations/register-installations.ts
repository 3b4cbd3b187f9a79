import type { BotRouter } from '../bot/router.js';
import { type Turn, UNKNOWN_NAME } from '../bot/turn.js';
import type { CardButton } from '../cards/card-action.js';
import { buildWelcomeCard } from '../help/welcome-card.js';
import { installationFrom, installationKey, scopeOf } from './installation.js';
import type { InstallationStore } from './installation-store.js';

export interface InstallationDeps {
  readonly installations: InstallationStore;
  readonly now: () => Date;
  readonly welcomeActions: readonly CardButton[];
}

/** Install events rarely carry the user's name: ask the roster, and greet without a name if that fails too. */
async function nameOf(turn: Turn): Promise<string | undefined> {
  if (turn.actor.name !== UNKNOWN_NAME) return turn.actor.name;
  const member = turn.actor.channelUserId ? await turn.lookupMember(turn.actor.channelUserId) : undefined;
  return member && member.name !== UNKNOWN_NAME ? member.name : undefined;
}

/** Records installs and uninstalls (marked, never deleted) with the reference needed for proactive messages. */
export function registerInstallations(router: BotRouter, deps: InstallationDeps): void {
  router.installed(async (turn) => {
    const scope = scopeOf(turn.conversation);
    const { isNew } = await deps.installations.markInstalled(installationFrom(turn, deps.now().toISOString()));
    turn.log.info({ scope, isNew }, 'installation recorded');
    if (!isNew) return;
    if (scope === 'personal') {
      const name = await nameOf(turn);
      await turn.say({
        card: buildWelcomeCard({ ...(name ? { name } : {}), actions: deps.welcomeActions }),
        summary: 'Welcome',
      });
    } else {
      await turn.say(
        'Thanks for adding PPI Partner. @mention me with **help** to see what I can do here, for example **set PPI team channel** or **subscribe digest monthly**.',
      );
    }
  });

  router.uninstalled(async (turn) => {
    const scope = scopeOf(turn.conversation);
    await deps.installations.markUninstalled(
      scope,
      installationKey(turn.conversation, turn.actor.id),
      deps.now().toISOString(),
    );
    turn.log.info({ scope }, 'uninstall recorded');
  });
}
