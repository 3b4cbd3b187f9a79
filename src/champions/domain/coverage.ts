import type { Choice } from '../../reference-data/reference-data.js';
import type { Champion } from './champion.js';

/** Senior leaders are asked to support two champions from each directorate (the champion role). */
export const CHAMPIONS_PER_DIRECTORATE = 2;

/** A directorate on the list with fewer than two active champions, and how many it has. */
export interface Coverage {
  readonly directorate: string;
  readonly champions: number;
}

/** Directorates offered now with fewer than two active (not paused) champions, fewest first, then by name. */
export function thinlyCovered(directorates: readonly Choice[], champions: readonly Champion[]): Coverage[] {
  return directorates
    .map((d) => ({
      directorate: d.label,
      champions: champions.filter((c) => c.status === 'active' && c.directorate === d.id).length,
    }))
    .filter((d) => d.champions < CHAMPIONS_PER_DIRECTORATE)
    .sort((a, b) => a.champions - b.champions || a.directorate.localeCompare(b.directorate));
}
