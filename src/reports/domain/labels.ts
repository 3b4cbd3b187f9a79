import type { ListEntry } from '../store/period-inputs.js';

/** Names for the ids stored on requests and records, from the Trust's own lists. */
export interface Labels {
  directorate(id: string | undefined): string;
  qualityPriority(id: string | undefined): string;
}

export const NOT_GIVEN = 'Not given';

/**
 * A list's label for an id: retired entries keep their name (marked "retired"); an id the list never had is still
 * shown by name when one was kept with the data (e.g. a champion's directorate at registration), else by its id.
 */
export function labelFrom(list: readonly ListEntry[], id: string | undefined, kept?: string): string {
  if (id === undefined || id.trim() === '') return NOT_GIVEN;
  const entry = list.find((e) => e.id === id);
  if (entry) return entry.retired ? `${entry.label} (retired)` : entry.label;
  return kept ? `${kept} (no longer on the list)` : `Not on the list: “${id}”`;
}

export function labelsOf(lists: {
  readonly directorates: readonly ListEntry[];
  readonly qualityPriorities: readonly ListEntry[];
}): Labels {
  return {
    directorate: (id) => labelFrom(lists.directorates, id),
    qualityPriority: (id) => labelFrom(lists.qualityPriorities, id),
  };
}
