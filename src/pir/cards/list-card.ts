import template from '../../../cards/pir-list.json' with { type: 'json' };
import { botText, type CardText, md } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { formatUkStamp } from '../../calendar/format-uk-date.js';
import type { CardButton } from '../../cards/card-action.js';
import { toActionData } from '../../cards/card-action.js';
import { renderCard } from '../../cards/render-card.js';
import { shorten } from '../../text/shorten.js';
import { isEditable, type Pir, STATUS_LABELS } from '../domain/pir.js';
import { isDiscardable } from '../domain/pir-transitions.js';
import { STEPS, stepIndex } from '../domain/steps.js';
import { PirVerb } from '../pir-verbs.js';

const MAX_ITEMS = 20;

/** Which list: all the lead's requests, the ones to carry on with (`continue`), or the ones with a status. */
export type ListPurpose = 'mine' | 'continue' | 'status';

const HEADINGS: Readonly<Record<ListPurpose, string>> = {
  mine: 'Your Patient Involvement Requests',
  continue: 'Which request would you like to carry on with?',
  status: 'Which request would you like the status of?',
};

const EMPTY: Readonly<Record<ListPurpose, string>> = {
  mine: 'You have no requests yet.',
  continue: 'You have no request in progress.',
  status: 'You have not submitted a request yet. Drafts are in **my requests**.',
};

function titleOf(p: Pir): CardText {
  return md`${p.reference ? `${p.reference}: ` : ''}${shorten(p.answers.title ?? 'Untitled request', 120)}`;
}

function buttonsOf(p: Pir, purpose: ListPurpose): CardButton[] {
  const name = shorten(p.answers.title ?? 'untitled request', 40);
  const status = p.reference ? [{ title: 'Status', verb: PirVerb.status, data: { reference: p.reference } }] : [];
  if (purpose === 'status') return status;
  return [
    ...(isEditable(p) ? [{ title: 'Continue', verb: PirVerb.resume, data: { pirId: p.id } }] : []),
    ...(isDiscardable(p) ? [{ title: `Discard “${name}”`, verb: PirVerb.discard, data: { pirId: p.id } }] : []),
    ...(purpose === 'mine' ? status : []),
  ];
}

function shownFor(pirs: readonly Pir[], purpose: ListPurpose): Pir[] {
  const sorted = [...pirs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  if (purpose === 'continue') return sorted.filter(isEditable);
  if (purpose === 'status') return sorted.filter((p) => p.reference !== undefined);
  return sorted;
}

/**
 * The lead's requests, newest first: Continue and Discard on drafts, Status on submitted ones. `continue` with
 * several drafts asks which one; plain `status` asks which request.
 */
export function buildListCard(pirs: readonly Pir[], purpose: ListPurpose = 'mine', notice?: CardText): AdaptiveCard {
  const shown = shownFor(pirs, purpose);
  const items = shown.slice(0, MAX_ITEMS).map((p) => {
    const where =
      p.position === 'review' ? 'ready to review' : `at step ${stepIndex(p.position) + 1} of ${STEPS.length}`;
    const buttons = buttonsOf(p, purpose);
    return {
      title: titleOf(p),
      detail: `${STATUS_LABELS[p.status]}${isEditable(p) ? ` · ${where}` : ''} · updated ${formatUkStamp(p.updatedAt)}`,
      buttons: toActionData(buttons),
      hasButtons: buttons.length > 0,
    };
  });
  const older = shown.length - MAX_ITEMS;
  return renderCard(template, {
    heading: HEADINGS[purpose],
    notice: notice ?? '',
    empty: shown.length === 0 ? botText(EMPTY[purpose]) : '',
    items,
    more: older > 0 ? `and ${older} older ${older === 1 ? 'request' : 'requests'}` : '',
    actions: [
      { title: 'Start a new request', verb: PirVerb.start, data: {} },
      ...(purpose === 'mine' ? [] : [{ title: 'All my requests', verb: PirVerb.list, data: {} }]),
    ],
  });
}
