import type { ConversationRef } from '../../bot/turn.js';

export interface ChampionPerson {
  readonly id: string;
  readonly name: string;
  readonly channelUserId?: string;
}

/**
 * A partnership champion (seed 004 Appendix 1 and 7): about two per directorate, nudged every six weeks.
 * Reachable through their own 1:1 chat, or through a team they belong to (the 1:1 chat is created from it).
 */
export interface Champion {
  readonly person: ChampionPerson;
  readonly directorate: string;
  readonly deputy?: ChampionPerson;
  readonly status: 'active' | 'paused';
  readonly personalReference?: ConversationRef;
  readonly teamReference?: ConversationRef;
  /** Overrides the configured cadence (NUDGE_CADENCE_DAYS) for this champion. */
  readonly cadenceDays?: number;
  readonly nextDueAt: string;
  readonly lastResponseAt?: string;
  readonly registeredBy: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export type Reachability = 'personal chat' | 'through a team' | 'unreachable';

export function reachabilityOf(champion: Champion): Reachability {
  if (champion.personalReference) return 'personal chat';
  if (champion.teamReference && champion.person.channelUserId) return 'through a team';
  return 'unreachable';
}
