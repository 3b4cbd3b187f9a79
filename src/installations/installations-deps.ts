import type { CardButton } from '../cards/card-action.js';
import type { InstallationStore } from './store/installation-store.js';

export interface InstallationsDeps {
  readonly installations: InstallationStore;
  readonly now: () => Date;
  /** Buttons on the welcome card (e.g. start a request), contributed by features. */
  readonly welcomeActions: readonly CardButton[];
}
