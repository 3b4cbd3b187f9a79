import type { BotRouter } from '../bot/router.js';
import type { CardButton } from '../cards/card-action.js';
import { buildWelcomeCard } from '../help/welcome-card.js';
import { installationFrom, installationKey, scopeOf } from './installation.js';
import type { InstallationStore } from './installation-store.js';

export interface InstallationDeps {
  readonly installations: InstallationStore;
  readonly now: () => Date;
  readonly welcomeActions: readonly CardButton[];
}

/** Records installs and uninstalls (marked, never deleted) with the reference needed for proactive messages. */
export function registerInstallations(router: BotRouter, deps: InstallationDeps): void {
  router.installed(async (turn) => {
    const scope = scopeOf(turn.conversation);
    const { isNew } = await deps.installations.markInstalled(installationFrom(turn, deps.now().toISOString()));
    turn.log.info({ scope, isNew }, 'installation recorded');
    if (!isNew) return;
    if (scope === 'personal') {
      await turn.say({
        card: buildWelcomeCard({ name: turn.actor.name, actions: deps.welcomeActions }),
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
