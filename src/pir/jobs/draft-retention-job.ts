import type { AuditLog } from '../../audit/audit-log.js';
import { formatUkStamp } from '../../calendar/format-uk-date.js';
import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import type { DailyTask } from '../../delivery/daily-job.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import { plural } from '../../text/plural.js';
import type { PirStore } from '../store/pir-store.js';

export interface DraftRetentionDeps {
  readonly pirs: PirStore;
  readonly audit: AuditLog;
  readonly retentionDays: number;
}

/**
 * Deletes Patient Involvement Request drafts untouched for DRAFT_RETENTION_DAYS (part of the daily `retention`
 * job). A draft edited since it was read survives (ETag), and each deletion leaves an audit entry without any of the
 * draft's text.
 */
export function draftRetention(deps: DraftRetentionDeps): DailyTask {
  return {
    name: 'drafts',
    async run(now, keepGoing) {
      const cutoff = new Date(`${addLondonDays(londonDateKey(now), -deps.retentionDays)}T00:00:00Z`).toISOString();
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
            detail: `Draft untouched since ${formatUkStamp(pir.updatedAt)} deleted after ${plural(deps.retentionDays, 'day')}.`,
          });
          deleted++;
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          kept++;
        }
      }
      return { deleted, kept };
    },
  };
}
