import type { AuditLog } from '../../audit/audit-log.js';
import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import type { Job } from '../../delivery/job.js';
import type { Lease } from '../../delivery/lease.js';
import type { Logger } from '../../logger.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { PirStore } from '../store/pir-store.js';

export const RETENTION_JOB = 'retention';

export interface RetentionDeps {
  readonly pirs: PirStore;
  readonly audit: AuditLog;
  readonly lease: Lease;
  readonly now: () => Date;
  readonly log: Logger;
  readonly retentionDays: number;
}

/**
 * Deletes Patient Involvement Request drafts untouched for DRAFT_RETENTION_DAYS, once a day (the first run of each
 * London day takes a day-long lease; later ticks skip). A draft edited since it was read survives (ETag), and each
 * deletion leaves an audit entry without any of the draft's text.
 */
export function draftRetentionJob(deps: RetentionDeps): Job {
  return {
    name: RETENTION_JOB,
    async run(runId, keepGoing) {
      const now = deps.now();
      const today = londonDateKey(now);
      if (!(await deps.lease.tryAcquire(`retention-${today}`, runId, 36 * 3_600_000))) return { skipped: 'ran today' };
      const cutoff = new Date(`${addLondonDays(today, -deps.retentionDays)}T00:00:00Z`).toISOString();
      let deleted = 0;
      let kept = 0;
      for (const draft of await deps.pirs.listStaleDrafts(cutoff)) {
        if (!keepGoing()) break;
        const pir = draft.value;
        try {
          await deps.pirs.removeUnchanged(draft);
          await deps.audit.append(pir.id, {
            at: now.toISOString(),
            actor: { id: 'system', name: 'Retention' },
            action: 'draft-deleted',
            detail: `Draft untouched since ${pir.updatedAt.slice(0, 10)} deleted after ${deps.retentionDays} days.`,
          });
          deleted++;
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          kept++;
        }
      }
      if (deleted + kept > 0) deps.log.info({ deleted, kept, days: deps.retentionDays }, 'draft retention ran');
      return { deleted, kept };
    },
  };
}
