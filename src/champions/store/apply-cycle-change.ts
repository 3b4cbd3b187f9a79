import type { DueIndex } from '../../delivery/due-index.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { Versioned, Write } from '../../storage/versioned.js';
import type { Champion } from '../domain/champion.js';
import type { CycleChange } from '../domain/nudge-cycle.js';
import { NUDGE_JOB } from '../domain/nudge-work.js';
import type { ChampionStore } from './champion-store.js';

/**
 * Saves a cycle change: its due work first, then the champion over exactly the version it was planned from (or as a
 * new champion when none is stored), so due work is never missing. If the champion changed in between, the change
 * is planned again from what is stored now (work left behind no longer matches the champion and is dropped when
 * found). `change` returning undefined refuses; `existing(change)` refuses a champion that is not registered.
 */
export async function applyCycleChange(
  deps: { readonly champions: ChampionStore; readonly dueIndex: DueIndex },
  championId: string,
  change: (current: Champion | undefined) => CycleChange | undefined,
  from?: Versioned<Champion>,
): Promise<Write<Champion>> {
  let current = from ?? (await deps.champions.get(championId));
  for (let attempt = 0; attempt < 5; attempt++) {
    const planned = change(current?.value);
    if (!planned) return current ? { status: 'refused', current } : { status: 'not-found' };
    await Promise.all(planned.schedule.map((work) => deps.dueIndex.schedule(NUDGE_JOB, work)));
    const write = await deps.champions.write(championId, () => planned.champion, {
      ...(current ? { from: current } : {}),
      retry: false,
    });
    if (write.status !== 'refused') return write;
    current = write.current;
  }
  throw new ConcurrencyError(`champion ${championId} kept changing`);
}
