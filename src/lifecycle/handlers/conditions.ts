import { botText } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { markedMet } from '../domain/conditions.js';
import type { ProjectRef } from '../domain/lifecycle-refs.js';
import type { LifecycleDeps } from '../lifecycle-deps.js';
import { applyProjectChange, type LoadedProject, withProject } from '../store/apply-project-change.js';
import { statusCard } from './show-status.js';

/** "Mark met" on a condition (the lead, in their 1:1 chat): recorded once, audited; the status card again. */
export async function handleConditionMet(
  turn: Turn,
  deps: LifecycleDeps,
  ref: ProjectRef & { readonly condition: string },
  item: LoadedProject,
): Promise<AdaptiveCard> {
  const by = { id: turn.actor.id, name: turn.actor.name };
  const now = deps.now();
  const write = await applyProjectChange(deps, item.loaded, (pir, project) => {
    const next = project.revision === ref.revision ? markedMet(pir, project, ref.condition, by, now) : undefined;
    return next ? { project: next, schedule: [] } : undefined;
  });
  if (write.status === 'not-found') return statusCard(turn, deps, item);
  if (write.status === 'refused') {
    const notice = botText('This card was out of date, so nothing was changed. Here is where the request stands now.');
    return statusCard(turn, deps, withProject(write.current), notice);
  }
  const saved = withProject(write.saved);
  await deps.audit.append(saved.loaded.value.id, {
    at: now.toISOString(),
    actor: by,
    action: `Condition ${ref.condition.slice(1)} marked met`,
  });
  return statusCard(turn, deps, saved);
}
