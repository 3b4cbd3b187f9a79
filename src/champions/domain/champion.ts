import type { ConversationRef } from '../../bot/turn.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';

export interface ChampionPerson {
  readonly id: string;
  readonly name: string;
  readonly channelUserId?: string;
}

/** The champion's deputy, and a team through which the bot can open a 1:1 chat with them. */
export interface Deputy extends ChampionPerson {
  readonly teamReference?: ConversationRef;
}

/**
 * How a check-in was answered: involvement logged (an engagement record), no relevant work this time, or work that
 * went ahead without patients and why not (the toolkit's "And if not, why not?": the one the Board report counts as
 * opting out). Check-ins answered "nothing to report" before the two were told apart read as `without-patients`
 * (they gave a reason why not).
 */
export type NudgeAnswer = 'involvement' | 'no-relevant-work' | 'without-patients' | 'snoozed' | 'handed-to-deputy';

/** The current six-weekly cycle: when it was due, what was sent, and how it was answered. */
export interface NudgeCycle {
  /** The due date the cycle was created for; also the cycle's id on cards and deliveries. */
  readonly dueAt: string;
  readonly nudgedAt?: string;
  readonly followUpsSent: number;
  /** When the last message of this cycle (nudge or follow-up) went. */
  readonly lastMessageAt?: string;
  readonly handedToDeputyAt?: string;
  readonly answer?: NudgeAnswer;
  readonly answeredAt?: string;
  readonly answeredBy?: string;
  /** Work went ahead without patients: the reason given (checked for personal data). */
  readonly whyNot?: string;
  /** An idea the champion offered for the champions' catch-up (optional, with any answer). */
  readonly idea?: string;
}

/** A champion from another directorate paired for mutual advice; set on both of them. */
export interface Buddy extends ChampionPerson {
  readonly directorate: string;
}

/**
 * A partnership champion (seed 004 Appendix 1 and 7): about two per directorate, nudged every six weeks.
 * Reachable through their own 1:1 chat, or through a team they belong to (the 1:1 chat is created from it).
 */
export interface Champion {
  readonly person: ChampionPerson;
  readonly directorate: string;
  /** The directorate's name when registered (directorates can be added and retired by admins). */
  readonly directorateLabel?: string;
  readonly deputy?: Deputy;
  readonly buddy?: Buddy;
  readonly status: 'active' | 'paused';
  readonly personalReference?: ConversationRef;
  readonly teamReference?: ConversationRef;
  /** Overrides the configured cadence (NUDGE_CADENCE_DAYS) for this champion. */
  readonly cadenceDays?: number;
  readonly nextDueAt: string;
  readonly lastResponseAt?: string;
  readonly cycle?: NudgeCycle;
  /** Earlier cycles, oldest first (kept by the store when a new cycle replaces `cycle`; see cycle-history.ts). */
  readonly pastCycles?: readonly NudgeCycle[];
  /** Set once cycles were dropped from `pastCycles`: cycles due on or before this are no longer kept. */
  readonly pastCyclesFrom?: string;
  /** Set when Teams refused a message to them (403): not retried until they chat with the bot or are re-added. */
  readonly unreachable?: { readonly at: string; readonly detail: string };
  readonly registeredBy: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

/** The deputy's name for sentences: someone chosen with the people picker may have none known yet. */
export function deputyNameOf(deputy: Deputy): string {
  return deputy.name || 'your deputy';
}

/** The directorate's name as the list has it now (renamed, or retired and still named), for cards and lists. */
export function directorateLabelOf(
  champion: Pick<Champion, 'directorate' | 'directorateLabel'>,
  directorates: readonly ListEntry[],
): string {
  const entry = directorates.find((d) => d.id === champion.directorate);
  if (entry) return entry.label;
  return champion.directorateLabel ?? labelFrom(directorates, champion.directorate);
}

/** A cadence in words: "6 weeks", "1 week", "10 days". */
export function cadenceInWords(days: number): string {
  if (days % 7 === 0) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return `${days} days`;
}

export type Reachability = 'personal chat' | 'through a team' | 'unreachable';

export function reachabilityOf(champion: Champion): Reachability {
  if (champion.unreachable) return 'unreachable';
  if (champion.personalReference) return 'personal chat';
  if (champion.teamReference && champion.person.channelUserId) return 'through a team';
  return 'unreachable';
}
