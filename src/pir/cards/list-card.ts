import template from '../../../cards/pir-list.json' with { type: 'json' };
import { md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { renderCard } from '../../cards/render-card.js';
import { shorten } from '../../text/shorten.js';
import { isEditable, type Pir, STATUS_LABELS } from '../domain/pir.js';
import { stepIndex } from '../domain/steps.js';
import { PirVerb } from '../pir-verbs.js';

const MAX_ITEMS = 20;

/** The lead's drafts and submitted requests, newest first, with Continue on the ones open for editing. */
export function buildListCard(pirs: readonly Pir[]): AdaptiveCard {
  const sorted = [...pirs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const items = sorted.slice(0, MAX_ITEMS).map((p) => {
    const where = p.position === 'review' ? 'ready to review' : `at step ${stepIndex(p.position) + 1} of 8`;
    return {
      title: md`${p.reference ? `${p.reference}: ` : ''}${shorten(p.answers.title ?? 'Untitled request', 120)}`,
      detail: `${STATUS_LABELS[p.status]}${isEditable(p) ? ` · ${where}` : ''} · updated ${p.updatedAt.slice(0, 10)}`,
      button: isEditable(p) ? 'Continue' : '',
      verb: PirVerb.resume,
      data: { pirId: p.id },
    };
  });
  return renderCard(template, {
    heading: 'Your Patient Involvement Requests',
    empty: pirs.length === 0 ? 'You have no requests yet.' : '',
    items,
    more: sorted.length > MAX_ITEMS ? `and ${sorted.length - MAX_ITEMS} older requests` : '',
    actions: [{ title: 'Start a new request', verb: PirVerb.start, data: {} }],
  });
}
