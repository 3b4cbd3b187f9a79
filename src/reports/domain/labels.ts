import type { ListEntry } from '../../reference-data/reference-data.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';

export { labelFrom, NOT_GIVEN } from '../../trust-lists/domain/list-entries.js';

/** Names for the ids stored on requests and records, from the Trust's own lists. */
export interface Labels {
  directorate(id: string | undefined): string;
  qualityPriority(id: string | undefined): string;
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
