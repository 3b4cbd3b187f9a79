import type { ChampionInvolvement } from '../domain/involvement.js';

export type { ChampionInvolvement };

export interface InvolvementLog {
  record(entry: ChampionInvolvement): Promise<void>;
  /** Involvement logged by champions with an activity date in [fromDateKey, toDateKey] (London dates). */
  listBetween(fromDateKey: string, toDateKey: string, onRead?: (n: number) => void): Promise<ChampionInvolvement[]>;
}
