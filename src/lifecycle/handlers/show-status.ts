import type { CardText } from '../../bot/card-text.js';
import type { Turn } from '../../bot/turn.js';
import { buildProjectStatusCard } from '../cards/project-status-card.js';
import { stageAt } from '../domain/stage.js';
import type { LifecycleDeps } from '../lifecycle-deps.js';
import type { LoadedProject } from '../store/apply-project-change.js';
import { linkedRecords } from './load-project.js';

/** The status card for whoever asked (its lead or the PPI team); the lead's own 1:1 chat gets its buttons. */
export async function statusCard(
  turn: Turn,
  deps: LifecycleDeps,
  { loaded, project }: LoadedProject,
  notice?: CardText,
) {
  const pir = loaded.value;
  const [history, linked, directorates] = await Promise.all([
    deps.audit.list(pir.id),
    linkedRecords(deps, pir),
    deps.directorates.entries(),
  ]);
  const leadHere = turn.actor.id === pir.lead.id && turn.conversation.kind === 'personal';
  const stage = stageAt(pir, deps.now(), project);
  const view = { stage, project, history, linked, leadHere, directorates };
  return buildProjectStatusCard(pir, { ...view, ...(notice ? { notice } : {}) });
}

/** `status PIR-2026-0042`: the stage, dates, rungs, conditions, linked records and history. */
export async function showStatus(turn: Turn, deps: LifecycleDeps, item: LoadedProject): Promise<void> {
  const reference = item.loaded.value.reference ?? '';
  await turn.say({ card: await statusCard(turn, deps, item), summary: `${reference} status` });
}
