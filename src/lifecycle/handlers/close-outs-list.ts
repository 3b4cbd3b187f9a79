import type { Turn } from '../../bot/turn.js';
import { addLondonDays, londonDateKey } from '../../calendar/london-time.js';
import type { Pir } from '../../pir/domain/pir.js';
import { buildCloseOutsCard } from '../cards/close-outs-card.js';
import { overviewOf } from '../domain/overview.js';
import { readProject } from '../domain/project.js';
import { isAccepted } from '../domain/stage.js';
import type { LifecycleDeps } from '../lifecycle-deps.js';

/**
 * `close-outs` (PPI team): every followed request (the open index) and those that ended in the last three months,
 * each read by its own key; an open row whose request is no longer accepted (a decision that lost its race) is removed.
 */
export async function listCloseOuts(turn: Turn, deps: LifecycleDeps): Promise<void> {
  const now = deps.now();
  const today = londonDateKey(now);
  const [open, ended] = await Promise.all([
    deps.projects.listOpen(),
    deps.projects.listEnded(addLondonDays(today, -92).slice(0, 7), today.slice(0, 7)),
  ]);
  const pirs = await deps.pirs.getMany([...open, ...ended]);
  const stale = open.filter((_row, i) => {
    const pir = pirs[i];
    return !pir || !isAccepted(pir);
  });
  await Promise.all(stale.map((row) => deps.projects.removeOpen(row.reference)));
  // A request that ended while the list was read can be in both partitions: once each.
  const unique = new Map<string, Pir>();
  for (const pir of pirs) if (pir && isAccepted(pir)) unique.set(pir.id, pir);
  const items = [...unique.values()].map((pir) => ({ pir, project: readProject(pir.project) }));
  await turn.say({ card: buildCloseOutsCard(overviewOf(items, now)), summary: 'Projects due for close-out' });
}
