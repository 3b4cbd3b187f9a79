import type { Mutation } from '../../storage/mutate-document.js';
import type { Champion } from '../domain/champion.js';

/** Champions keyed by Entra id. A few per directorate; listing them reads the whole (small) table. */
export interface ChampionStore {
  get(id: string): Promise<Champion | undefined>;
  /** `readAs`: the champion as `get` just returned it; the write then starts from that version (ETag-checked). */
  mutate(
    id: string,
    change: Mutation<Champion>,
    readAs?: Champion,
  ): Promise<{ before: Champion | undefined; after: Champion | undefined }>;
  list(): Promise<Champion[]>;
}
