import type { AuditLog } from '../audit/audit-log.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { PpiTeamStore } from './store/ppi-team-store.js';

export interface PpiTeamDeps {
  readonly store: PpiTeamStore;
  /** Channel moves and membership changes are audited (subject `ppi-team`). */
  readonly audit: AuditLog;
  readonly now: () => Date;
  readonly topics: HelpTopics;
  /** The PPI team's channel was set: what waited for it (requests submitted meanwhile) is posted now. */
  readonly channelSet: () => void;
}

/** The audit subject of the PPI team's set-up: its channels and its members. */
export const PPI_TEAM_AUDIT = 'ppi-team';
