import type { Choice } from '../../reference-data/reference-data.js';
import type { DirectorateRow, ListedDirectorate } from '../domain/directorate-list.js';

/** The directorates people can choose (`directorateList`: the defaults with the admins' changes applied). */
export interface DirectorateStore {
  list(): Promise<Choice[]>;
  /** Every directorate ever on the list, retired ones marked, so old records and reports keep their names. */
  listWithRetired(): Promise<ListedDirectorate[]>;
  save(row: DirectorateRow): Promise<void>;
}
