import type { Choice, ListEntry } from '../../reference-data/reference-data.js';
import type { ListRow } from '../domain/list-entries.js';

/** One of the Trust's own lists: the defaults from data/ with the PPI admins' changes applied. */
export interface TrustListStore {
  /** Every entry ever on the list, retired ones marked, so old requests, records and reports keep their names. */
  entries(): Promise<ListEntry[]>;
  /** What people can choose now (not retired). */
  offered(): Promise<Choice[]>;
  /**
   * Saves an admin's change to one entry, only if the entry is still as `seen` (undefined: not on the list yet);
   * 'changed' when someone changed it at the same moment.
   */
  save(row: ListRow, seen: ListEntry | undefined): Promise<'saved' | 'changed'>;
}

/** The three lists, as the features that show or offer them read them. */
export interface TrustLists {
  readonly directorates: TrustListStore;
  readonly qualityPriorities: TrustListStore;
  readonly howHeard: TrustListStore;
}
