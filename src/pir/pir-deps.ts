import type { AuditLog } from '../audit/audit-log.js';
import type { Outbox } from '../delivery/outbox.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { InstallationStore } from '../installations/store/installation-store.js';
import type { PpiTeamStore } from '../ppi-team/store/ppi-team-store.js';
import type { TrustLists } from '../trust-lists/store/trust-list-store.js';
import type { Pir } from './domain/pir.js';
import type { PirStore } from './store/pir-store.js';

/**
 * What follows an acceptance, planned before the decision is saved so that it is never missing (src/lifecycle/: the
 * project's close-out check-in). Planning for a decision that then loses its race is harmless: it is dropped when due.
 */
export interface AcceptancePlanner {
  beforeAccepting(pir: Pir): Promise<void>;
}

export interface PirDeps {
  readonly pirs: PirStore;
  /** The directorates / CMGs and Quality Strategy priorities a request chooses from (the PPI team keeps them). */
  readonly lists: Pick<TrustLists, 'directorates' | 'qualityPriorities'>;
  readonly audit: AuditLog;
  readonly ppiTeam: PpiTeamStore;
  readonly installations: InstallationStore;
  /** Every message the request sends on its own (the PPI team's card, its updates, the lead's decision notice). */
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly topics: HelpTopics;
  readonly acceptance: AcceptancePlanner;
}
