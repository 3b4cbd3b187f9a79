import type { BotRouter } from '../bot/router.js';
import { recordInstall, recordUninstall } from './handlers/installed.js';
import type { InstallationsDeps } from './installations-deps.js';

/** Records installs and uninstalls (marked, never deleted) with the reference needed for proactive messages. */
export function registerInstallations(router: BotRouter, deps: InstallationsDeps): void {
  router.installed((turn) => recordInstall(turn, deps));
  router.uninstalled((turn) => recordUninstall(turn, deps));
}
