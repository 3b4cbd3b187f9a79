import type { DueIndex } from '../../delivery/due-index.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { Champion } from '../domain/champion.js';
import type { CycleChange } from '../domain/nudge-cycle.js';
import { NUDGE_JOB } from '../domain/nudge-work.js';
import type { ChampionStore } from '../store/champion-store.js';

export interface AppliedChange {
  readonly before?: Champion;
  readonly after?: Champion;
  /** False when `change` did not apply (already done, or no such champion): nothing was written. */
  readonly applied: boolean;
}

/**
 * Saves a cycle change: its due work first, then the champion (ETag-checked), so due work is never missing. Work left
 * behind by a change that then lost a race no longer matches the champion and is dropped when found. If the champion
 * changed in between so that different work is needed, the whole thing is planned again.
 */
export async function applyCycleChange(
  deps: { champions: ChampionStore; dueIndex: DueIndex },
  championId: string,
  change: (current: Champion) => CycleChange | undefined,
): Promise<AppliedChange> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.champions.get(championId);
    const planned = current ? change(current) : undefined;
    if (!current || !planned) return { ...(current ? { before: current, after: current } : {}), applied: false };
    await Promise.all(planned.schedule.map((work) => deps.dueIndex.schedule(NUDGE_JOB, work)));
    const expected = JSON.stringify(planned.schedule);
    let outcome = 'not-applicable' as 'applied' | 'not-applicable' | 'replan';
    const { before, after } = await deps.champions.mutate(
      championId,
      (latest) => {
        const next = latest ? change(latest) : undefined;
        outcome = !next ? 'not-applicable' : JSON.stringify(next.schedule) === expected ? 'applied' : 'replan';
        return outcome === 'applied' ? next?.champion : undefined;
      },
      current,
    );
    if (outcome !== 'replan') {
      return { ...(before ? { before } : {}), ...(after ? { after } : {}), applied: outcome === 'applied' };
    }
  }
  throw new ConcurrencyError(`champion ${championId} kept changing`);
}
