import type { DeliveryOutcome } from '../../delivery/delivery-record.js';
import type { Champion } from './champion.js';
import { reachedBy } from './champion-changes.js';
import { type CycleChange, followUpSent, isOpenCycle, nudgeMissed, nudgeSent } from './nudge-cycle.js';
import type { NudgeSettings } from './nudge-settings.js';
import { parseFollowUpCycle } from './nudge-work.js';

/** Whether a piece of due champion work should still be sent, and if not, why it is dropped. */
export type StillDue =
  | { readonly send: true; readonly champion: Champion }
  | { readonly send: false; readonly reason: string };

const drop = (reason: string): StillDue => ({ send: false, reason });

/** The six-weekly nudge: only if the champion is active and still due at this cycle. */
export function nudgeStillDue(champion: Champion | undefined, cycle: string): StillDue {
  if (!champion || champion.nextDueAt !== cycle) return drop('rescheduled');
  if (champion.status !== 'active') return drop('nudges paused');
  return { send: true, champion };
}

/** Follow-up n of a cycle: only while it is unanswered, the champion active, and within MAX_FOLLOW_UPS. */
export function followUpStillDue(champion: Champion | undefined, followUp: string, settings: NudgeSettings): StillDue {
  const parsed = parseFollowUpCycle(followUp);
  if (!parsed || !isOpenCycle(champion, parsed.cycle)) return drop('answered or superseded');
  if (champion.status !== 'active') return drop('nudges paused');
  if (parsed.n > settings.maxFollowUps || (champion.cycle?.followUpsSent ?? 0) >= parsed.n) {
    return drop('follow-up limit reached');
  }
  return { send: true, champion };
}

/** The deputy's copy: only while the cycle is open and there is a deputy. */
export function deputyStillDue(champion: Champion | undefined, cycle: string): StillDue {
  return isOpenCycle(champion, cycle) && champion.deputy ? { send: true, champion } : drop('answered');
}

/** After the nudge of `cycle` was sent (the cycle starts) or could not be (tried again a cadence later). */
export function nudgeSettled(
  champion: Champion,
  cycle: string,
  outcome: DeliveryOutcome,
  settings: NudgeSettings,
): CycleChange | undefined {
  if (champion.nextDueAt !== cycle) return undefined;
  const at = new Date(outcome.at);
  const reached = reachedBy(champion, outcome);
  return outcome.status === 'sent'
    ? nudgeSent(reached, cycle, at, settings)
    : nudgeMissed(reached, cycle, at, settings);
}

/** After follow-up n was sent: counted once (a repeat settle changes nothing). */
export function followUpSettled(
  champion: Champion,
  followUp: string,
  outcome: DeliveryOutcome,
  settings: NudgeSettings,
): CycleChange | undefined {
  const parsed = parseFollowUpCycle(followUp);
  if (!parsed || outcome.status !== 'sent') return undefined;
  if (!isOpenCycle(champion, parsed.cycle) || (champion.cycle?.followUpsSent ?? 0) >= parsed.n) return undefined;
  return followUpSent(champion, parsed.n, new Date(outcome.at), settings);
}
