import type { AuditLog } from '../audit/audit-log.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { TrustLists } from './store/trust-list-store.js';

export interface TrustListsDeps {
  readonly lists: TrustLists;
  /** Every change to a list is audited (subject `trust-lists`). */
  readonly audit: AuditLog;
  readonly now: () => Date;
  readonly topics: HelpTopics;
}

/** The audit subject of the PPI admins' changes to the Trust's own lists. */
export const TRUST_LISTS_AUDIT = 'trust-lists';
