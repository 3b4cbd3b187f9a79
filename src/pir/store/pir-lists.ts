import type { TrustLists } from '../../trust-lists/store/trust-list-store.js';
import type { PirLists } from '../domain/step-fields.js';

/** The Trust's lists as they are now, for a request's choices and names. */
export async function pirLists(deps: {
  readonly lists: Pick<TrustLists, 'directorates' | 'qualityPriorities'>;
}): Promise<PirLists> {
  const [directorates, qualityPriorities] = await Promise.all([
    deps.lists.directorates.entries(),
    deps.lists.qualityPriorities.entries(),
  ]);
  return { directorates, qualityPriorities };
}
