import type { Choice, ListEntry } from '../../reference-data/reference-data.js';

/** An entry added, renamed or retired by a PPI admin (the defaults come from data/). Stored as it is. */
export interface ListRow {
  readonly id: string;
  readonly label: string;
  readonly retired: boolean;
  readonly changedBy: string;
  readonly changedAt: string;
}

/** Every entry ever on the list: the defaults with the admins' changes applied, additions last, retired ones marked. */
export function entriesOf(defaults: readonly ListEntry[], changes: readonly ListRow[]): ListEntry[] {
  const changed = new Map(changes.map((row) => [row.id, row]));
  const kept = defaults.map((d) => {
    const row = changed.get(d.id);
    return row
      ? { id: d.id, label: row.label, retired: row.retired }
      : { id: d.id, label: d.label, retired: d.retired };
  });
  const added = changes
    .filter((row) => !defaults.some((d) => d.id === row.id))
    .map((row) => ({ id: row.id, label: row.label, retired: row.retired }));
  return [...kept, ...added];
}

/** What people can choose: the entries not retired. */
export function offered(entries: readonly ListEntry[]): Choice[] {
  return entries.filter((e) => !e.retired).map((e) => ({ id: e.id, label: e.label }));
}

export const MAX_LABEL = 80;

/** The id of a new entry, from its name ("Digital Services" → "digital-services"); '' when it has none. */
export function idFor(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

export const NOT_GIVEN = 'Not given';

/**
 * An entry's name wherever an id is shown: retired entries keep their name (marked "retired"); an id the list never
 * had is still shown by name when one was kept with the data (e.g. a champion's directorate at registration).
 */
export function labelFrom(list: readonly ListEntry[], id: string | undefined, kept?: string): string {
  if (id === undefined || id.trim() === '') return NOT_GIVEN;
  const entry = list.find((e) => e.id === id);
  if (entry) return entry.retired ? `${entry.label} (retired)` : entry.label;
  return kept ? `${kept} (no longer on the list)` : `Not on the list: “${id}”`;
}
