import { describe, expect, it } from 'vitest';
import { summariseCatchUp } from '../../../src/champions/domain/catch-up.js';
import type { Champion } from '../../../src/champions/domain/champion.js';
import { cadenceInWords, directorateLabelOf } from '../../../src/champions/domain/champion.js';
import {
  buddyRefusal,
  cadenceChanged,
  dueNow,
  pausedOrResumed,
  reachedBy,
  registered,
  withBuddy,
  withDeputy,
} from '../../../src/champions/domain/champion-changes.js';
import {
  INVOLVEMENT_FORM,
  involvementOf,
  noRelevantWorkOf,
  SNOOZE_FORM,
  snoozeOf,
  WITHOUT_PATIENTS_FORM,
  withoutPatientsOf,
} from '../../../src/champions/domain/check-in-forms.js';
import { readCheckIn } from '../../../src/champions/domain/check-in-ref.js';
import { thinlyCovered } from '../../../src/champions/domain/coverage.js';
import {
  deputyStillDue,
  followUpSettled,
  followUpStillDue,
  nudgeSettled,
  nudgeStillDue,
} from '../../../src/champions/domain/delivery-rules.js';
import { fromCheckInRecord } from '../../../src/champions/domain/involvement.js';
import { isAnswerable, nudgeSent } from '../../../src/champions/domain/nudge-cycle.js';
import type { NudgeSettings } from '../../../src/champions/domain/nudge-settings.js';
import { readCadence } from '../../../src/champions/domain/nudge-settings.js';
import { NudgeKind } from '../../../src/champions/domain/nudge-work.js';
import { readChampion } from '../../../src/champions/domain/read-champion.js';
import { readForm } from '../../../src/forms/read-form.js';
import { checkInRecord, checkInRecordId } from '../../../src/records/domain/check-in-record.js';
import { referenceData } from '../../../src/reference-data/reference-data.js';

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
    const answered = { ...open, cycle: { ...open.cycle, answer: 'without-patients' as const } };
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

  it('log involvement: every answer needed, its category too; one engagement record per champion and cycle', () => {
    expect(
      readForm(INVOLVEMENT_FORM, { project: 'Letters', shaped: 'Wording', rung: 'co-design', people: 12 }).ok,
    ).toBe(false);
    const given = { project: 'Letters', shaped: 'Wording', category: 'engaging', rung: 'co-design', people: 12 };
    const read = readForm(INVOLVEMENT_FORM, given);
    if (!read.ok) throw new Error('should read');
    expect(involvementOf(read.values, { idea: 'Ask finance' })).toEqual({ kind: 'involvement', idea: 'Ask finance' });
    expect(readForm(INVOLVEMENT_FORM, { ...given, rung: 'coercion' }).ok).toBe(false);
    const origin = { kind: 'check-in' as const, championId: 'aad-c', cycle: DUE };
    const doc = checkInRecord(origin, 'finance', read.values, chris, '2026-11-23', NOW);
    expect(doc).toMatchObject({
      id: checkInRecordId('aad-c', DUE),
      kind: 'engagement',
      category: 'engaging',
      directorate: 'finance',
      date: '2026-11-23',
      author: { id: 'aad-c', name: 'Chris' },
      values: { project: 'Letters', shaped: 'Wording', rung: 'co-design', people: 12 },
      origin,
    });
    expect(doc.id).toMatch(/^ci-[0-9a-f]{40}$/);
    expect(checkInRecordId('aad-c', DUE)).not.toBe(checkInRecordId('aad-c', '2027-02-15T09:30:00.000Z'));
    expect(fromCheckInRecord(doc)).toMatchObject({
      id: doc.id,
      projectName: 'Letters',
      whatPatientsShaped: 'Wording',
      rungId: 'co-design',
      peopleCount: 12,
      category: 'engaging',
      activityDate: '2026-11-23',
    });
    expect(fromCheckInRecord({ ...doc, origin: undefined })).toBeUndefined();
  });

  it('no relevant work needs nothing; work without patients needs why not', () => {
    expect(noRelevantWorkOf({}, {})).toEqual({ kind: 'no-relevant-work' });
    expect(readForm(WITHOUT_PATIENTS_FORM, {}).ok).toBe(false);
    const read = readForm(WITHOUT_PATIENTS_FORM, { whyNot: 'Budget lines only' });
    expect(read.ok && withoutPatientsOf(read.values, {})).toEqual({
      kind: 'without-patients',
      whyNot: 'Budget lines only',
    });
  });

  it('snooze: a week by default; a date only when "On a date" is chosen, and then needed', () => {
    const week = readForm(SNOOZE_FORM, {});
    expect(week.ok && snoozeOf(week.values, {})).toEqual({ kind: 'snoozed', option: { kind: 'week' } });
    expect(readForm(SNOOZE_FORM, { snooze: 'date' }).ok).toBe(false);
    const date = readForm(SNOOZE_FORM, { snooze: 'date', until: '2027-02-01' });
    expect(date.ok && snoozeOf(date.values, {})).toEqual({
      kind: 'snoozed',
      option: { kind: 'date', dateKey: '2027-02-01' },
    });
  });
});

describe('the champions’ programme', () => {
  const directorates = referenceData.directorates;
  const champion = (id: string, directorate: string, status: Champion['status'] = 'active'): Champion => ({
    ...registeredChampion(),
    person: { id, name: id },
    directorate,
    status,
  });

  it('names the directorates with fewer than two active champions, fewest first', () => {
    const champions = [
      champion('a', 'finance'),
      champion('b', 'finance'),
      champion('c', 'it'),
      champion('d', 'it', 'paused'),
      champion('e', 'pmo'),
    ];
    const thin = thinlyCovered(
      directorates.filter((d) => ['finance', 'it', 'pmo', 'contracts'].includes(d.id)),
      champions,
    );
    expect(thin).toEqual([
      { directorate: 'Contracts', champions: 0 },
      { directorate: 'IT', champions: 1 },
      { directorate: 'PMO', champions: 1 },
    ]);
  });

  it('buddies come from another directorate, and each names the other', () => {
    const a = champion('a', 'finance');
    expect(buddyRefusal(a, undefined)).toBe('not-a-champion');
    expect(buddyRefusal(a, a)).toBe('self');
    expect(buddyRefusal(a, champion('b', 'finance'))).toBe('same-directorate');
    expect(buddyRefusal(a, champion('c', 'it'))).toBeUndefined();
    expect(withBuddy(a, champion('c', 'it'), NOW).buddy).toEqual({ id: 'c', name: 'c', directorate: 'it' });
    expect(withBuddy({ ...a, buddy: { id: 'c', name: 'c', directorate: 'it' } }, undefined, NOW)).not.toHaveProperty(
      'buddy',
    );
  });

  it('names a directorate as the list has it now, and the cadence in words', () => {
    const renamed = [{ id: 'finance', label: 'Finance and Estates', retired: false }];
    expect(directorateLabelOf({ directorate: 'finance', directorateLabel: 'Finance' }, renamed)).toBe(
      'Finance and Estates',
    );
    expect(directorateLabelOf({ directorate: 'gone', directorateLabel: 'Gone' }, renamed)).toBe('Gone');
    expect(cadenceInWords(42)).toBe('6 weeks');
    expect(cadenceInWords(56)).toBe('8 weeks');
    expect(cadenceInWords(7)).toBe('1 week');
    expect(cadenceInWords(10)).toBe('10 days');
  });

  it('the catch-up gathers achievements, challenges (why not) and ideas answered in the period', () => {
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-12-13T00:00:00Z');
    const answered = (at: string, extra: Partial<Champion['cycle'] & object>) => ({
      dueAt: at,
      followUpsSent: 0,
      answeredAt: at,
      ...extra,
    });
    const it1 = {
      ...champion('a', 'it'),
      cycle: answered('2026-11-20T10:00:00.000Z', {
        answer: 'without-patients',
        whyNot: 'System upgrade',
        idea: 'Ask PPGs',
      }),
      pastCycles: [answered('2026-10-09T10:00:00.000Z', { answer: 'without-patients', whyNot: 'Too old' })],
    } as Champion;
    const fin = {
      ...champion('b', 'finance'),
      cycle: answered('2026-11-21T10:00:00.000Z', { answer: 'no-relevant-work', idea: 'Budget clinic' }),
    } as Champion;
    const summary = summariseCatchUp([it1, fin], [], directorates, from, to, {
      fromDateKey: '2026-11-01',
      toDateKey: '2026-12-13',
    });
    expect(summary.challenges).toEqual([{ directorate: 'IT', text: 'System upgrade' }]);
    expect(summary.ideas).toEqual([
      { directorate: 'Finance', text: 'Budget clinic' },
      { directorate: 'IT', text: 'Ask PPGs' },
    ]);
  });

  it('reads a check-in answered “nothing to report” before the split as work without patients', () => {
    const stored = {
      ...registeredChampion(),
      cycle: { dueAt: DUE, followUpsSent: 0, answer: 'nothing-to-report', whyNot: 'Quiet' },
      pastCycles: [
        { dueAt: '2026-10-01T09:30:00.000Z', followUpsSent: 0, answer: 'nothing-to-report', whyNot: 'Busy' },
      ],
    };
    const read = readChampion(stored);
    expect(read.cycle?.answer).toBe('without-patients');
    expect(read.pastCycles?.map((c) => c.answer)).toEqual(['without-patients']);
    expect(readChampion(registeredChampion())).toEqual(registeredChampion());
  });
});
