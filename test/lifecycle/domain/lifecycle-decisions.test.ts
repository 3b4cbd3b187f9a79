import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../../../src/calendar/working-hours.js';
import type { DeliveryOutcome } from '../../../src/delivery/delivery-record.js';
import { readForm } from '../../../src/forms/read-form.js';
import {
  accepting,
  checkInSettled,
  checkInStillDue,
  extended,
  followUpSettled,
  listedSettled,
  newEndDateProblem,
  stopped,
} from '../../../src/lifecycle/domain/check-in.js';
import {
  answeredStep,
  closeOutRefusal,
  incompleteCloseOutSteps,
  reviewed,
  started,
  submitted,
} from '../../../src/lifecycle/domain/close-out-changes.js';
import { conditionsOf, markedMet } from '../../../src/lifecycle/domain/conditions.js';
import { checkInDueAt, LifecycleKind } from '../../../src/lifecycle/domain/lifecycle-work.js';
import { NEW_PROJECT, readProject } from '../../../src/lifecycle/domain/project.js';
import { stageAt } from '../../../src/lifecycle/domain/stage.js';
import { DECISION_FORM, decisionDetails, splitConditions } from '../../../src/pir/domain/decision-form.js';
import { acceptedPir, closeOutAnswers, closeOutOf, lead, ppi, projectWith } from '../lifecycle-fixtures.js';

const settings = { workingHours: DEFAULT_WORKING_HOURS, followUpAfterWorkingDays: 5 };
const sent = (at: string): DeliveryOutcome => ({ status: 'sent', at, resentAfterCrash: false });
const unreachable = (at: string): DeliveryOutcome => ({ status: 'unreachable', at, detail: 'no chat' });

describe('stages', () => {
  const pir = acceptedPir(NEW_PROJECT);
  it('accepted before the start date, in progress until the end date, close-out due the day after', () => {
    expect(stageAt(pir, new Date('2026-11-30T12:00:00Z'))).toBe('accepted');
    expect(stageAt(pir, new Date('2026-12-01T00:30:00Z'))).toBe('in-progress');
    // 30 June 2027 23:30 BST is still the end date in London.
    expect(stageAt(pir, new Date('2027-06-30T22:30:00Z'))).toBe('in-progress');
    expect(stageAt(pir, new Date('2027-06-30T23:30:00Z'))).toBe('close-out-due');
  });

  it('closed and stopped count only from when they happened; a close-out with the PPI team is due', () => {
    const closed = acceptedPir(projectWith(closeOutOf('accepted')));
    expect(stageAt(closed, new Date('2027-07-05T09:00:00Z'))).toBe('close-out-due');
    expect(stageAt(closed, new Date('2027-07-05T10:00:00Z'))).toBe('closed');
    const early = acceptedPir(projectWith(closeOutOf('submitted', { submittedAt: '2027-03-01T10:00:00Z' })));
    expect(stageAt(early, new Date('2027-03-02T10:00:00Z'))).toBe('close-out-due');
    const halted = acceptedPir(
      projectWith(undefined, { stopped: { at: '2027-02-01T10:00:00Z', reason: 'x', by: lead } }),
    );
    expect(stageAt(halted, new Date('2027-01-31T10:00:00Z'))).toBe('in-progress');
    expect(stageAt(halted, new Date('2027-02-01T10:00:00Z'))).toBe('stopped');
  });

  it('before acceptance the stage is the request’s status', () => {
    for (const status of ['draft', 'submitted', 'changes-requested', 'declined'] as const) {
      expect(stageAt({ ...pir, status }, new Date('2027-07-01T10:00:00Z'))).toBe(status);
    }
  });
});

describe('when the close-out check-in is due', () => {
  it('the first working day after the end date, at the start of working hours (GMT or BST)', () => {
    expect(checkInDueAt('2026-12-24', DEFAULT_WORKING_HOURS).toISOString()).toBe('2026-12-29T09:30:00.000Z');
    expect(checkInDueAt('2027-06-30', DEFAULT_WORKING_HOURS).toISOString()).toBe('2027-07-01T08:30:00.000Z');
    // Friday 28 May 2027: Monday 31 May is the late May bank holiday, so Tuesday 1 June (BST).
    expect(checkInDueAt('2027-05-28', DEFAULT_WORKING_HOURS).toISOString()).toBe('2027-06-01T08:30:00.000Z');
    // An end date on a Saturday: Monday.
    expect(checkInDueAt('2027-01-30', DEFAULT_WORKING_HOURS).toISOString()).toBe('2027-02-01T09:30:00.000Z');
  });
});

describe('the check-in’s rules', () => {
  const base = acceptedPir(NEW_PROJECT);
  const cycle = '2027-06-30';
  it('is sent once, followed up once, listed once; dropped when the end date moved, it stopped or the close-out went', () => {
    expect(checkInStillDue(base, NEW_PROJECT, LifecycleKind.checkIn, cycle)).toEqual({ send: true });
    expect(checkInStillDue(base, NEW_PROJECT, LifecycleKind.followUp, cycle).send).toBe(false);
    const afterSend = checkInSettled(base, NEW_PROJECT, cycle, sent('2027-07-01T08:30:00Z'), settings);
    expect(afterSend?.schedule.map((w) => [w.kind, w.dueAt])).toEqual([
      [LifecycleKind.followUp, '2027-07-08T08:30:00.000Z'],
    ]);
    const p1 = afterSend?.project ?? NEW_PROJECT;
    expect(p1.revision).toBe(NEW_PROJECT.revision);
    expect(checkInSettled(base, p1, cycle, sent('2027-07-01T08:30:00Z'), settings)).toBeUndefined();
    expect(checkInStillDue(base, p1, LifecycleKind.checkIn, cycle).send).toBe(false);
    expect(checkInStillDue(base, p1, LifecycleKind.followUp, cycle)).toEqual({ send: true });
    const p2 = followUpSettled(base, p1, cycle, sent('2027-07-08T08:30:00Z'), settings)?.project ?? p1;
    expect(checkInStillDue(base, p2, LifecycleKind.followUp, cycle).send).toBe(false);
    expect(checkInStillDue(base, p2, LifecycleKind.unanswered, cycle)).toEqual({ send: true });
    const p3 = listedSettled(p2, cycle, sent('2027-07-15T08:30:00Z'))?.project ?? p2;
    expect(checkInStillDue(base, p3, LifecycleKind.unanswered, cycle).send).toBe(false);
    expect(listedSettled(p3, cycle, sent('2027-07-15T08:30:00Z'))).toBeUndefined();

    const moved = { ...NEW_PROJECT, endDate: '2027-09-30' };
    expect(checkInStillDue(base, moved, LifecycleKind.checkIn, cycle)).toEqual({
      send: false,
      reason: 'the end date moved',
    });
    const halted = { ...NEW_PROJECT, stopped: { at: '2027-07-01T10:00:00Z', reason: 'x', by: lead } };
    expect(checkInStillDue(base, halted, LifecycleKind.checkIn, cycle).send).toBe(false);
    const withTeam = projectWith(closeOutOf('submitted'));
    expect(checkInStillDue(base, withTeam, LifecycleKind.followUp, cycle)).toEqual({
      send: false,
      reason: 'close-out sent',
    });
    expect(checkInStillDue(undefined, NEW_PROJECT, LifecycleKind.checkIn, cycle).send).toBe(false);
  });

  it('a lead who cannot be reached is listed for the PPI team at once', () => {
    const change = checkInSettled(base, NEW_PROJECT, '2027-06-30', unreachable('2027-07-01T08:30:00Z'), settings);
    expect(change?.schedule.map((w) => [w.kind, w.dueAt])).toEqual([
      [LifecycleKind.unanswered, '2027-07-01T08:30:00.000Z'],
    ]);
  });

  it('moves the end date (with its reason and a new check-in) or stops, once', () => {
    const at = new Date('2027-07-01T10:00:00Z');
    expect(newEndDateProblem('2027-07-01', at)).toBe('The new end date must be after today.');
    expect(newEndDateProblem('2033-01-01', at)).toContain('more than five years');
    expect(newEndDateProblem('2027-09-30', at)).toBeUndefined();
    const moved = extended(base, NEW_PROJECT, { to: '2027-09-30', reason: 'Delayed' }, lead, at, settings);
    expect(moved?.project).toMatchObject({ endDate: '2027-09-30', plannedFor: '2027-09-30', revision: 1 });
    expect(moved?.project.endDateMoves).toEqual([
      { from: '2027-06-30', to: '2027-09-30', reason: 'Delayed', at: at.toISOString(), by: lead },
    ]);
    expect(moved?.schedule.map((w) => [w.cycle, w.dueAt])).toEqual([['2027-09-30', '2027-10-01T08:30:00.000Z']]);
    const halt = stopped(base, NEW_PROJECT, 'Reconfigured', lead, at);
    expect(halt?.index).toEqual({ closedAt: at.toISOString(), outcome: 'stopped' });
    expect(halt && stopped(base, halt.project, 'Again', lead, at)).toBeUndefined();
  });

  it('an acceptance plans the open index row and the check-in for the request’s end date', () => {
    const plan = accepting({ ...base, status: 'submitted' }, NEW_PROJECT, settings);
    expect(plan?.index).toEqual({ open: true });
    expect(plan?.schedule.map((w) => [w.kind, w.targetId, w.cycle])).toEqual([
      [LifecycleKind.checkIn, 'PIR-2026-0001', '2027-06-30'],
    ]);
    expect(accepting({ ...base, status: 'declined' }, NEW_PROJECT, settings)).toBeUndefined();
  });
});

describe('the close-out', () => {
  const at = new Date('2027-07-02T10:00:00Z');
  it('is saved step by step, knows what is missing, and goes to the PPI team in rounds', () => {
    const base = acceptedPir(NEW_PROJECT);
    const begun = started(NEW_PROJECT, at).project;
    expect(begun.closeOut).toMatchObject({ status: 'draft', position: 'aim', round: 0 });
    expect(incompleteCloseOutSteps({})).toEqual(['aim', 'methods', 'outcomes', 'influence', 'reflections', 'told']);
    const step = answeredStep(begun, 'aim', { aim: closeOutAnswers.aim }, 'next', at)?.project ?? begun;
    expect(step.closeOut?.position).toBe('methods');
    expect(submitted(base, step, at)).toBeUndefined();
    const complete = { ...step, closeOut: { ...closeOutOf('draft'), answers: closeOutAnswers } };
    expect(incompleteCloseOutSteps(closeOutAnswers)).toEqual([]);
    expect(incompleteCloseOutSteps({ ...closeOutAnswers, participantsTold: 'yes', toldHow: '' })).toEqual(['told']);
    expect(
      incompleteCloseOutSteps({ ...closeOutAnswers, participantsTold: 'not-yet', toldHow: '', toldOn: '' }),
    ).toEqual([]);
    const sent = submitted(base, complete, at);
    expect(sent?.project.closeOut).toMatchObject({ status: 'submitted', round: 1 });
    expect(sent?.schedule.map((w) => [w.kind, w.cycle])).toEqual([[LifecycleKind.review, 'round-1']]);
    const project = sent?.project ?? complete;
    expect(reviewed(base, project, 2, { accept: true }, ppi, at)).toBeUndefined();
    const more = reviewed(base, project, 1, { accept: false, comment: 'More please' }, ppi, at);
    expect(more?.project.closeOut?.status).toBe('more-asked');
    expect(more?.index).toBeUndefined();
    const again = submitted(base, more?.project ?? project, at);
    expect(again?.project.closeOut?.round).toBe(2);
    const closed = reviewed(base, again?.project ?? project, 2, { accept: true, evaluation: { own: 'Good' } }, ppi, at);
    expect(closed?.project.closeOut).toMatchObject({
      status: 'accepted',
      closedAt: at.toISOString(),
      evaluation: { own: 'Good' },
    });
    expect(closed?.index).toEqual({ closedAt: at.toISOString(), outcome: 'closed' });
    expect(closeOutRefusal(base, closed?.project ?? project)).toBe('closed');
    expect(closeOutRefusal({ ...base, status: 'submitted' }, NEW_PROJECT)).toBe('not-accepted');
  });
});

describe('conditions', () => {
  it('are needed to accept with conditions (a comment is not), and recorded one per line', () => {
    const refused = readForm(DECISION_FORM, {}, { known: { decision: 'accept-with-conditions' } });
    expect(refused.ok ? [] : refused.errors.map((e) => e.key)).toEqual(['conditions']);
    const read = readForm(
      DECISION_FORM,
      { conditions: 'Involve carers\nReport back' },
      { known: { decision: 'accept-with-conditions' } },
    );
    expect(read.ok && decisionDetails(read.values, 'accept-with-conditions').conditions).toEqual([
      'Involve carers',
      'Report back',
    ]);
    expect(read.ok && decisionDetails(read.values, 'accept').conditions).toBeUndefined();
  });

  it('are listed one per line; a request decided before that has its comment as the one condition', () => {
    expect(splitConditions('Involve carers\n\n- Share results\n2) Report back\n• Last')).toEqual([
      'Involve carers',
      'Share results',
      'Report back',
      'Last',
    ]);
    const pir = acceptedPir(NEW_PROJECT);
    expect(conditionsOf(pir).map((c) => c.id)).toEqual(['c1']);
    const old = { ...pir, assessment: { ...pir.assessment, conditions: undefined, comment: 'Involve carers earlier' } };
    expect(conditionsOf(old).map((c) => c.text)).toEqual(['Involve carers earlier']);
    expect(conditionsOf({ ...old, status: 'accepted' })).toEqual([]);
    const met = markedMet(pir, NEW_PROJECT, 'c1', lead, new Date('2027-01-01T10:00:00Z'));
    expect(met && conditionsOf(pir, met)[0]?.met?.by).toEqual(lead);
    expect(met && markedMet(pir, met, 'c1', lead, new Date())).toBeUndefined();
    expect(markedMet(pir, NEW_PROJECT, 'c9', lead, new Date())).toBeUndefined();
  });
});

describe('the tolerant reader', () => {
  it('reads nothing as a new project and leaves out what has the wrong type', () => {
    expect(readProject(undefined)).toEqual(NEW_PROJECT);
    expect(readProject('x')).toEqual(NEW_PROJECT);
    const read = readProject({
      revision: 4,
      endDate: '2027-09-30',
      endDateMoves: [{ from: '2027-06-30', to: '2027-09-30', at: '2027-07-01T10:00:00Z', by: lead }, { from: 3 }],
      conditionsMet: { c1: { at: '2027-01-01T10:00:00Z', by: lead }, c2: 'yes' },
      closeOut: { status: 'nonsense', position: 'nowhere', answers: { aim: 'x', bad: { deep: 1 } }, reviews: [{}] },
    });
    expect(read).toMatchObject({ revision: 4, endDate: '2027-09-30', conditionsMet: { c1: { by: lead } } });
    expect(read.endDateMoves).toHaveLength(1);
    expect(read.closeOut).toMatchObject({ status: 'draft', position: 'aim', answers: { aim: 'x' }, reviews: [] });
  });
});
