import template from '../../../cards/pir-requests.json' with { type: 'json' };
import { botText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { formatUkDate } from '../../calendar/format-uk-date.js';
import { renderCard } from '../../cards/render-card.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';
import type { Pir } from '../domain/pir.js';
import type { PpiQueue } from '../domain/ppi-queue.js';
import { PirVerb } from '../pir-verbs.js';

const PER_SECTION = 15;

const ukDate = (iso: string | undefined) => (iso ? formatUkDate(new Date(iso)) : 'an unknown date');

function itemOf(pir: Pir, detail: string, directorates: readonly ListEntry[]) {
  return {
    title: md`${pir.reference ?? 'Request'}: ${shorten(pir.answers.title ?? 'Untitled', 120)}`,
    detail: md`${pir.lead.name} · ${labelFrom(directorates, pir.answers.directorate)} · ${detail}`,
    button: 'Open',
    verb: PirVerb.open,
    data: { pirId: pir.id, leadId: pir.lead.id, revision: pir.revision },
  };
}

function section(title: string, pirs: readonly Pir[], detail: (p: Pir) => string, directorates: readonly ListEntry[]) {
  const more = pirs.length - PER_SECTION;
  return {
    title: md`${title} (${pirs.length})`,
    items: pirs.slice(0, PER_SECTION).map((p) => itemOf(p, detail(p), directorates)),
    more: more > 0 ? md`and ${more} more` : '',
  };
}

const assignee = (p: Pir) => (p.assessment.assignee ? ` · assigned to ${p.assessment.assignee.name}` : '');

/**
 * `requests` (PPI team): what is awaiting assessment, what is assigned to me, what is back with the lead; each
 * request's directorate named from the Trust's list as it is now (retired entries keep their names).
 */
export function buildRequestsCard(queue: PpiQueue, directorates: readonly ListEntry[]): AdaptiveCard {
  const submitted = (p: Pir) => `submitted ${ukDate(p.submittedAt)}`;
  const sections = [
    section('Awaiting assessment', queue.awaiting, (p) => `${submitted(p)}${assignee(p)}`, directorates),
    section('Assigned to you', queue.assignedToMe, submitted, directorates),
    section(
      'Changes requested: with the lead',
      queue.changesRequested,
      (p) => `sent back ${ukDate(p.assessment.decidedAt)}`,
      directorates,
    ),
  ].filter((s) => s.items.length > 0);
  return renderCard(template, {
    heading: botText('Patient Involvement Requests waiting'),
    empty: sections.length === 0 ? botText('Nothing is waiting: every request has been assessed.') : '',
    sections,
    actions: [{ title: 'Refresh', verb: PirVerb.requests, data: {} }],
  });
}
