import type { RecordLists } from '../domain/record-kinds.js';
import type { RecordsDeps } from '../records-deps.js';

/** What a record form offers now: the directorates and the common "how did you hear" answers. */
export async function recordLists(deps: Pick<RecordsDeps, 'lists'>): Promise<RecordLists> {
  const [directorates, howHeard] = await Promise.all([
    deps.lists.directorates.offered(),
    deps.lists.howHeard.offered(),
  ]);
  return { directorates, howHeard };
}
