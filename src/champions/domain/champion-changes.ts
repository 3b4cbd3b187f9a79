import { computeNextDue } from '../../calendar/due-date.js';
import { nextWorkingSlot } from '../../calendar/working-hours.js';
import type { DeliveryOutcome } from '../../delivery/delivery-record.js';
import type { Choice } from '../../reference-data/reference-data.js';
import type { Champion, ChampionPerson, Deputy } from './champion.js';
import type { CycleChange } from './nudge-cycle.js';
import type { NudgeSettings } from './nudge-settings.js';
import { nudgeWorkFor } from './nudge-work.js';

/** What registering someone as a champion says: who, for which directorate, by whom, and how to reach them. */
export interface Registration {
  readonly person: ChampionPerson;
  readonly directorate: Choice;
  readonly by: string;
  readonly reach: Pick<Champion, 'personalReference' | 'teamReference'>;
}

function withoutUnreachable(champion: Champion): Champion {
  const { unreachable: _reachableAgain, ...rest } = champion;
  return rest;
}

/**
 * A new champion's first nudge is one cadence from now, on a working day; registering again (a new directorate, a
 * way to reach them) keeps their cycle and makes them reachable again. The nudge is scheduled with the change.
 */
export function registered(
  existing: Champion | undefined,
  registration: Registration,
  now: Date,
  settings: NudgeSettings,
): CycleChange {
  const { person, directorate, by, reach } = registration;
  const at = now.toISOString();
  const champion: Champion = existing
    ? {
        ...withoutUnreachable(existing),
        person: { ...existing.person, ...person },
        directorate: directorate.id,
        directorateLabel: directorate.label,
        ...reach,
        updatedAt: at,
      }
    : {
        person,
        directorate: directorate.id,
        directorateLabel: directorate.label,
        status: 'active',
        ...reach,
        nextDueAt: computeNextDue(now, settings.cadenceDays, settings.workingHours).toISOString(),
        registeredBy: by,
        registeredAt: at,
        updatedAt: at,
      };
  return { champion, schedule: [nudgeWorkFor(champion)] };
}

/** `pause nudges` / `resume nudges`. Resuming after a missed due date asks at the next working slot. */
export function pausedOrResumed(champion: Champion, pause: boolean, now: Date, settings: NudgeSettings): CycleChange {
  const at = now.toISOString();
  if (pause) return { champion: { ...champion, status: 'paused', updatedAt: at }, schedule: [] };
  const nextDueAt =
    new Date(champion.nextDueAt) > now ? champion.nextDueAt : nextWorkingSlot(now, settings.workingHours).toISOString();
  const resumed: Champion = { ...champion, status: 'active', nextDueAt, updatedAt: at };
  return { champion: resumed, schedule: [nudgeWorkFor(resumed)] };
}

/**
 * A cadence of `days` for this champion (the configured one is not stored): the next nudge is one new cadence after
 * the last answer (or registration), on a working day, and not in the past.
 */
export function cadenceChanged(champion: Champion, days: number, now: Date, settings: NudgeSettings): CycleChange {
  const from = new Date(champion.lastResponseAt ?? champion.registeredAt);
  const due = computeNextDue(from, days, settings.workingHours);
  const nextDueAt = (due > now ? due : computeNextDue(now, 1, settings.workingHours)).toISOString();
  const { cadenceDays: _old, ...rest } = champion;
  const changed: Champion = {
    ...rest,
    ...(days === settings.cadenceDays ? {} : { cadenceDays: days }),
    nextDueAt,
    updatedAt: now.toISOString(),
  };
  return { champion: changed, schedule: [nudgeWorkFor(changed)] };
}

/**
 * `nudge me now`: the check-in is due this instant (a person asked for it, so at any hour). Undefined while the
 * current check-in is still open (sent and not answered): asking again does not start another.
 */
export function dueNow(champion: Champion, now: Date): CycleChange | undefined {
  if (champion.cycle && !champion.cycle.answer) return undefined;
  const at = now.toISOString();
  const changed: Champion = { ...champion, nextDueAt: at, updatedAt: at };
  return { champion: changed, schedule: [nudgeWorkFor(changed)] };
}

/** `my deputy is @…` (a deputy) or `no deputy` (undefined). */
export function withDeputy(champion: Champion, deputy: Deputy | undefined, now: Date): Champion {
  const { deputy: _old, ...rest } = champion;
  return { ...rest, ...(deputy ? { deputy } : {}), updatedAt: now.toISOString() };
}

/** `my buddy is @…` (the buddy) or `no buddy` (undefined), on one of the pair. */
export function withBuddy(champion: Champion, buddy: Champion | undefined, now: Date): Champion {
  const { buddy: _old, ...rest } = champion;
  const person = buddy && { ...buddy.person, directorate: buddy.directorate };
  return { ...rest, ...(person ? { buddy: person } : {}), updatedAt: now.toISOString() };
}

/** Why two champions cannot be buddies (the toolkit pairs champions from different directorates); undefined if they can. */
export function buddyRefusal(champion: Champion, other: Champion | undefined): string | undefined {
  if (!other) return 'not-a-champion';
  if (other.person.id === champion.person.id) return 'self';
  return other.directorate === champion.directorate ? 'same-directorate' : undefined;
}

/** After a delivery: a newly created 1:1 chat is remembered, and a refusal by Teams (403) marks them unreachable. */
export function reachedBy(champion: Champion, outcome: DeliveryOutcome): Champion {
  if (outcome.status === 'sent' && outcome.conversation && !champion.personalReference) {
    return { ...champion, personalReference: outcome.conversation };
  }
  if (outcome.status === 'unreachable') return { ...champion, unreachable: { at: outcome.at, detail: outcome.detail } };
  return champion;
}
