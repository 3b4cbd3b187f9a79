import { describe, expect, it } from 'vitest';
import type { Champion } from '../../../src/champions/domain/champion.js';
import {
  cadenceChanged,
  dueNow,
  pausedOrResumed,
  reachedBy,
  registered,
  withDeputy,
} from '../../../src/champions/domain/champion-changes.js';
import {
  INVOLVEMENT_FORM,
  involvementEntry,
  involvementOf,
  SNOOZE_FORM,
  snoozeOf,
} from '../../../src/champions/domain/check-in-forms.js';
import { readCheckIn } from '../../../src/champions/domain/check-in-ref.js';
import {
  deputyStillDue,
  followUpSettled,
  followUpStillDue,
  nudgeSettled,
  nudgeStillDue,
} from '../../../src/champions/domain/delivery-rules.js';
import { isAnswerable, nudgeSent } from '../../../src/champions/domain/nudge-cycle.js';
import type { NudgeSettings } from '../../../src/champions/domain/nudge-settings.js';
import { readCadence } from '../../../src/champions/domain/nudge-settings.js';
import { NudgeKind } from '../../../src/champions/domain/nudge-work.js';
import { readForm } from '../../../src/forms/read-form.js';

const settings: NudgeSettings = {
  cadenceDays: 42,
  workingHours: { start: '09:30', end: '16:00' },
  followUpAfterWorkingDays: 5,
  maxFollowUps: 1,
};
// Monday 23 November 2026; 42 days on is Monday 4 January 2027.
const NOW = new Date('2026-11-23T10:00:00Z');
const DUE = '2027-01-04T09:30:00.000Z';
const finance = { id: 'finance', label: 'Finance' };
const chris = { id: 'aad-c', name: 'Chris', channelUserId: '29:c' };
const ref = { conversation: { id: 'a:personal-c' } };

function registeredChampion(): Champion {
  return registered(undefined, { person: chris, directorate: finance, by: chris.id, reach: {} }, NOW, settings)
    .champion;
}

describe('registration', () => {
  it('a new champion is active, first asked one cadence on (a working day), with that nudge scheduled', () => {
    const change = registered(
      undefined,
      { person: chris, directorate: finance, by: 'aad-ppi', reach: {} },
      NOW,
      settings,
    );
    expect(change.champion).toMatchObject({
      status: 'active',
      nextDueAt: DUE,
      directorateLabel: 'Finance',
      registeredBy: 'aad-ppi',
    });
    expect(change.schedule).toEqual([{ kind: NudgeKind.nudge, targetId: chris.id, cycle: DUE, dueAt: DUE }]);
  });

  it('registering again keeps the cycle and pause, takes the new directorate and reach, and is reachable again', () => {
    const before: Champion = { ...registeredChampion(), status: 'paused', unreachable: { at: 'x', detail: '403' } };
    const it_ = registered(
      before,
      { person: chris, directorate: { id: 'it', label: 'IT' }, by: 'x', reach: { personalReference: ref } },
      new Date('2026-12-01T10:00:00Z'),
      settings,
    ).champion;
    expect(it_).toMatchObject({
      status: 'paused',
      nextDueAt: DUE,
      directorate: 'it',
      personalReference: ref,
      registeredBy: chris.id,
    });
    expect(it_.unreachable).toBeUndefined();
  });
});

describe('a champion’s own settings', () => {
  it('pausing schedules nothing; resuming after the due date asks at the next working slot', () => {
    const paused = pausedOrResumed(registeredChampion(), true, NOW, settings);
    expect(paused).toMatchObject({ champion: { status: 'paused' }, schedule: [] });
    const saturday = new Date('2027-01-09T12:00:00Z');
    const resumed = pausedOrResumed(paused.champion, false, saturday, settings);
    expect(resumed.champion).toMatchObject({ status: 'active', nextDueAt: '2027-01-11T09:30:00.000Z' });
    expect(resumed.schedule).toHaveLength(1);
  });

  it('a cadence of 8 weeks from registration, the default one not stored', () => {
    const eight = cadenceChanged(registeredChampion(), 56, NOW, settings).champion;
    expect(eight).toMatchObject({ cadenceDays: 56, nextDueAt: '2027-01-18T09:30:00.000Z' });
    expect(cadenceChanged(eight, 42, NOW, settings).champion.cadenceDays).toBeUndefined();
    expect(readCadence('every 8 weeks')).toBe(56);
    expect([readCadence('every 0 weeks'), readCadence('400 days'), readCadence('soon')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('nudge me now: due this instant, but not again while that check-in is open; a deputy can be named and removed', () => {
    const asked = dueNow(registeredChampion(), NOW);
    expect(asked?.champion.nextDueAt).toBe(NOW.toISOString());
    const open = {
      ...registeredChampion(),
      cycle: { dueAt: NOW.toISOString(), nudgedAt: NOW.toISOString(), followUpsSent: 0 },
    };
    expect(dueNow(open, new Date(NOW.getTime() + 1))).toBeUndefined();
    const answered = { ...open, cycle: { ...open.cycle, answer: 'nothing-to-report' as const } };
    expect(dueNow(answered, new Date(NOW.getTime() + 1))?.champion.nextDueAt).toBe(
      new Date(NOW.getTime() + 1).toISOString(),
    );
    const dee = { id: 'aad-d', name: 'Dee' };
    const withDee = withDeputy(registeredChampion(), dee, NOW);
    expect(withDee.deputy).toEqual(dee);
    expect(withDeputy(withDee, undefined, NOW).deputy).toBeUndefined();
  });
});

describe('delivery rules: should this still be sent?', () => {
  const nudged = nudgeSent(registeredChampion(), DUE, new Date(DUE), settings).champion;

  it('the nudge only while active and still due at that cycle', () => {
    expect(nudgeStillDue(registeredChampion(), DUE)).toMatchObject({ send: true });
    expect(nudgeStillDue(registeredChampion(), '2026-01-01T00:00:00.000Z')).toEqual({
      send: false,
      reason: 'rescheduled',
    });
    expect(nudgeStillDue({ ...registeredChampion(), status: 'paused' }, DUE)).toEqual({
      send: false,
      reason: 'nudges paused',
    });
    expect(nudgeStillDue(undefined, DUE)).toMatchObject({ send: false });
  });

  it('a follow-up only for an open cycle, within the limit, once', () => {
    expect(followUpStillDue(nudged, `${DUE}#1`, settings)).toMatchObject({ send: true });
    expect(followUpStillDue(nudged, `${DUE}#2`, settings)).toEqual({ send: false, reason: 'follow-up limit reached' });
    expect(followUpStillDue(nudged, 'not-a-follow-up', settings)).toMatchObject({ send: false });
    const sent = { status: 'sent' as const, at: '2027-01-11T10:00:00.000Z', resentAfterCrash: false };
    const counted = followUpSettled(nudged, `${DUE}#1`, sent, settings);
    expect(counted?.champion.cycle?.followUpsSent).toBe(1);
    expect(counted && followUpSettled(counted.champion, `${DUE}#1`, sent, settings)).toBeUndefined();
    expect(counted && followUpStillDue(counted.champion, `${DUE}#1`, settings)).toMatchObject({ send: false });
  });

  it("the deputy's copy only while the cycle is open and there is a deputy", () => {
    expect(deputyStillDue(nudged, DUE)).toEqual({ send: false, reason: 'answered' });
    expect(deputyStillDue({ ...nudged, deputy: { id: 'd', name: 'Dee' } }, DUE)).toMatchObject({ send: true });
  });

  it('settling the nudge starts the cycle and remembers a new 1:1 chat, or marks them unreachable', () => {
    const sent = { status: 'sent' as const, at: DUE, resentAfterCrash: false, conversation: ref };
    const started = nudgeSettled(registeredChampion(), DUE, sent, settings);
    expect(started?.champion).toMatchObject({ personalReference: ref, cycle: { dueAt: DUE, nudgedAt: DUE } });
    expect(nudgeSettled(registeredChampion(), 'other', sent, settings)).toBeUndefined();
    const refused = { status: 'unreachable' as const, at: DUE, detail: 'blocked' };
    expect(reachedBy(registeredChampion(), refused).unreachable).toEqual({ at: DUE, detail: 'blocked' });
    expect(nudgeSettled(registeredChampion(), DUE, refused, settings)?.champion.cycle).toBeUndefined();
  });

  it('a check-in card can be answered while its cycle is open or being delivered', () => {
    expect(isAnswerable(registeredChampion(), DUE)).toBe(true);
    expect(isAnswerable(nudged, DUE)).toBe(true);
    expect(isAnswerable(nudged, '2026-01-01T00:00:00.000Z')).toBe(false);
  });
});

describe('the check-in card’s answers', () => {
  it('reads a check-in reference, refusing malformed ones', () => {
    expect(readCheckIn({ championId: 'aad-c', cycle: DUE })?.ref).toEqual({ championId: 'aad-c', cycle: DUE });
    for (const bad of [{}, { championId: 42, cycle: DUE }, { championId: 'x'.repeat(201), cycle: DUE }]) {
      expect(readCheckIn(bad)).toBeUndefined();
    }
  });

  it('log involvement: every answer needed; one engagement record per champion and cycle', () => {
    expect(readForm(INVOLVEMENT_FORM, { project: 'Letters' }).ok).toBe(false);
    const read = readForm(INVOLVEMENT_FORM, { project: 'Letters', shaped: 'Wording', rung: 'co-design', people: 12 });
    if (!read.ok) throw new Error('should read');
    const given = involvementOf(read.values);
    expect(given).toEqual({ project: 'Letters', shaped: 'Wording', rungId: 'co-design', peopleCount: 12 });
    const entry = involvementEntry({ championId: 'aad-c', cycle: DUE }, registeredChampion(), given, chris, NOW);
    expect(entry).toMatchObject({ id: `champion~aad-c~${DUE}`, directorate: 'finance', activityDate: '2026-11-23' });
  });

  it('snooze: a week by default; a date only when "On a date" is chosen, and then needed', () => {
    const week = readForm(SNOOZE_FORM, {});
    expect(week.ok && snoozeOf(week.values)).toEqual({ kind: 'snoozed', option: { kind: 'week' } });
    expect(readForm(SNOOZE_FORM, { snooze: 'date' }).ok).toBe(false);
    const date = readForm(SNOOZE_FORM, { snooze: 'date', until: '2027-02-01' });
    expect(date.ok && snoozeOf(date.values)).toEqual({
      kind: 'snoozed',
      option: { kind: 'date', dateKey: '2027-02-01' },
    });
  });
});
