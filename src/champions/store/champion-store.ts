import type { Change, Versioned, Write, WriteOptions } from '../../storage/versioned.js';
import type { Champion } from '../domain/champion.js';

/** Champions keyed by Entra id. A few per directorate; listing them reads the whole (small) table. */
export interface ChampionStore {
  /** The champion with the version it was read at (pass it as `from` to write over exactly that version). */
  get(id: string): Promise<Versioned<Champion> | undefined>;
  /** Read-modify-write (ETag-checked, creates when `change` gives a champion for nothing stored). */
  write(id: string, change: Change<Champion>, options?: WriteOptions<Champion>): Promise<Write<Champion>>;
  list(): Promise<Champion[]>;
}
