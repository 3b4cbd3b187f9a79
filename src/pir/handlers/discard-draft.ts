import { botText, md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { buildNoticeCard } from '../../cards/notice-card.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { Versioned } from '../../storage/versioned.js';
import { shorten } from '../../text/shorten.js';
import { buildListCard } from '../cards/list-card.js';
import type { Pir } from '../domain/pir.js';
import { isDiscardable } from '../domain/pir-transitions.js';
import type { PirDeps } from '../pir-deps.js';
import { PirVerb } from '../pir-verbs.js';

const nameOf = (pir: Pir) => shorten(pir.answers.title ?? 'Untitled request', 80);

async function listWith(deps: PirDeps, turn: Turn, notice: ReturnType<typeof botText>): Promise<AdaptiveCard> {
  return buildListCard(await deps.pirs.listForLead(turn.actor.id), 'mine', notice);
}

/** Discard on a draft: asks first, naming it (nothing is deleted yet). */
export async function askToDiscard(turn: Turn, deps: PirDeps, loaded: Versioned<Pir>): Promise<AdaptiveCard> {
  const pir = loaded.value;
  if (!isDiscardable(pir))
    return listWith(deps, turn, botText('Only a draft that was never submitted can be discarded.'));
  return buildNoticeCard({
    title: md`Discard “${nameOf(pir)}”?`,
    text: botText('Everything typed in this draft will be deleted. This cannot be undone.'),
    buttons: [
      { title: 'Discard it', verb: PirVerb.discardConfirmed, data: { pirId: pir.id, revision: pir.revision } },
      { title: 'Keep it', verb: PirVerb.list },
    ],
  });
}

/**
 * "Discard it": deletes the draft only as it was when asked (a draft changed since, say on another device, is
 * kept and the list says so), with an audit entry that holds none of its text.
 */
export async function discardDraft(
  turn: Turn,
  deps: PirDeps,
  asked: { readonly revision: number },
  loaded: Versioned<Pir>,
): Promise<AdaptiveCard> {
  const pir = loaded.value;
  if (!isDiscardable(pir) || pir.revision !== asked.revision) {
    return listWith(deps, turn, md`“${nameOf(pir)}” changed since you asked, so it was kept.`);
  }
  try {
    await deps.pirs.removeUnchanged(loaded);
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    return listWith(deps, turn, md`“${nameOf(pir)}” changed just now, so it was kept.`);
  }
  const actor = { id: turn.actor.id, name: turn.actor.name };
  await deps.audit.append(pir.id, { at: deps.now().toISOString(), actor, action: 'Draft discarded by its lead' });
  turn.log.info({ pirId: pir.id }, 'draft discarded');
  return listWith(deps, turn, md`Discarded “${nameOf(pir)}”.`);
}
