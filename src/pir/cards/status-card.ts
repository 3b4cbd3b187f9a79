import template from '../../../cards/pir-status.json' with { type: 'json' };
import type { AuditEntry } from '../../audit/audit-log.js';
import { md, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import { type Pir, STATUS_LABELS } from '../domain/pir.js';

/** Current state and the audit trail of one request. */
export function buildStatusCard(pir: Pir, history: readonly AuditEntry[]): AdaptiveCard {
  const recent = history.slice(-30);
  return renderCard(template, {
    heading: md`${pir.reference ?? 'Draft'}: ${shorten(pir.answers.title ?? 'Untitled', 150)}`,
    facts: plainFacts([
      { label: 'Status', value: STATUS_LABELS[pir.status] },
      { label: 'Lead', value: pir.lead.name },
      { label: 'Directorate', value: labelOf(referenceData.directorates, pir.answers.directorate ?? '') },
      ...(pir.assessment.assignee ? [{ label: 'Assigned to', value: pir.assessment.assignee.name }] : []),
      ...(pir.assessment.comment ? [{ label: 'PPI team comment', value: shorten(pir.assessment.comment, 500) }] : []),
    ]),
    history: (recent.length ? recent : [{ at: pir.createdAt, actor: pir.lead, action: 'Started' }]).map((e) => ({
      line: md`${e.at.slice(0, 16).replace('T', ' ')} · ${e.action} by ${e.actor.name}${e.comment ? `: “${shorten(e.comment, 200)}”` : ''}`,
    })),
  });
}
