import type { Mutation } from '../../storage/mutate-document.js';
import type { Champion } from '../domain/champion.js';

/** Champions keyed by Entra id. A few per directorate; listing them reads the whole (small) table. */
export interface ChampionStore {
  get(id: string): Promise<Champion | undefined>;
  mutate(
    id: string,
    change: Mutation<Champion>,
  ): Promise<{ before: Champion | undefined; after: Champion | undefined }>;
  list(): Promise<Champion[]>;
}
