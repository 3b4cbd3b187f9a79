import type { Choice } from '../reference-data/reference-data.js';

/** A directorate added or retired by a PPI admin; the defaults come from data/directorates.json. */
export interface DirectorateRow {
  readonly id: string;
  readonly label: string;
  readonly retired: boolean;
  readonly changedBy: string;
  readonly changedAt: string;
}

/** The directorates people can choose: the default list with the admins' additions and retirements applied. */
export interface DirectorateStore {
  list(): Promise<Choice[]>;
  /** Every directorate ever on the list, retired ones marked, so old records and reports keep their names. */
  listWithRetired(): Promise<(Choice & { readonly retired: boolean })[]>;
  save(row: DirectorateRow): Promise<void>;
}
