import type { Choice } from '../../reference-data/reference-data.js';

/** A directorate added or retired by a PPI admin; the defaults come from data/directorates.json. */
export interface DirectorateRow {
  readonly id: string;
  readonly label: string;
  readonly retired: boolean;
  readonly changedBy: string;
  readonly changedAt: string;
}

/** A directorate, and whether it has been retired (old records and reports keep its name). */
export type ListedDirectorate = Choice & { readonly retired: boolean };

/** Every directorate ever on the list: the defaults with the admins' changes applied, additions last. */
export function directoratesEver(defaults: readonly Choice[], changes: readonly DirectorateRow[]): ListedDirectorate[] {
  const changed = new Map(changes.map((row) => [row.id, row]));
  const kept = defaults.map((d) => changed.get(d.id) ?? { ...d, retired: false });
  const added = changes.filter((row) => !defaults.some((d) => d.id === row.id));
  return [...kept, ...added].map((d) => ({ id: d.id, label: d.label, retired: d.retired }));
}

/** The directorates people can choose: those not retired. */
export function directorateList(defaults: readonly Choice[], changes: readonly DirectorateRow[]): Choice[] {
  return directoratesEver(defaults, changes)
    .filter((d) => !d.retired)
    .map((d) => ({ id: d.id, label: d.label }));
}

export const MAX_LABEL = 80;

/** The id of a new directorate, from its name ("Digital Services" → "digital-services"); '' when it has none. */
export function idFor(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
