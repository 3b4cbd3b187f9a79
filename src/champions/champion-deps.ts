import type { WorkingHours } from '../calendar/working-hours.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { PpiRoles } from '../ppi-team/ppi-roles.js';
import type { ChampionStore } from './store/champion-store.js';

export interface ChampionDeps {
  readonly champions: ChampionStore;
  readonly roles: PpiRoles;
  readonly now: () => Date;
  readonly cadenceDays: number;
  readonly workingHours: WorkingHours;
  readonly topics: HelpTopics;
}
