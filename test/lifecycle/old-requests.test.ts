import { describe, expect, it } from 'vitest';
import { LIFECYCLE_JOB } from '../../src/lifecycle/domain/lifecycle-work.js';
import { readProject } from '../../src/lifecycle/domain/project.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';

/**
 * Requests as the bot stored them before the lifecycle existed (taken from a December 2026 table): accepted with
 * conditions written in the decision comment, no conditions list, no project. And one whose project field is damaged.
 */
const OLD_SHAPE = {
  id: 'old-1',
  lead: { id: people.lead.id, name: people.lead.name },
  status: 'accepted-with-conditions',
  position: 'review',
  returnToReview: false,
  answers: {
    title: 'Outpatient letters',
    directorate: 'finance',
    qualityPriority: 'patient-experience',
    startDate: '2026-09-01',
    endDate: '2027-01-29',
    rung: 'consultation',
  },
  revision: 12,
  reference: 'PIR-2026-0007',
  createdAt: '2026-08-20T09:00:00.000Z',
  updatedAt: '2026-09-02T09:00:00.000Z',
  submittedAt: '2026-08-21T09:00:00.000Z',
  assessment: {
    expectedRung: 'engagement',
    agreedSupport: ['patient-partners'],
    decidedBy: { id: 'aad-ppi-admin', name: 'Pat PPI-Admin' },
    decidedAt: '2026-09-02T09:00:00.000Z',
    comment: 'Test the new letter with the readers’ panel first.',
  },
  assessmentCardId: 'activity-1',
};

const DAMAGED = {
  ...OLD_SHAPE,
  id: 'old-2',
  reference: 'PIR-2026-0008',
  status: 'accepted',
  project: { revision: 'three', closeOut: 42, conditionsMet: ['x'], endDateMoves: 'none', checkIn: { cycle: 7 } },
};

async function withOldRequests(now: Date) {
  const h = await BotHarness.start({ now });
  await h.install(people.lead);
  for (const raw of [OLD_SHAPE, DAMAGED]) {
    await h.bot.stores.pirs.create(raw as unknown as Pir);
    await h.bot.stores.pirs.indexReference(raw.reference, raw.lead.id, raw.id);
  }
  return h;
}

describe('requests stored before the lifecycle existed still read, and are followed to their close-out', () => {
  it('status: the stage from the dates, the decision comment as the condition, the rungs', async () => {
    const h = await withOldRequests(new Date('2027-01-11T10:00:00Z'));
    const text = cardText((await h.say(people.lead, 'status PIR-2026-0007')).cards[0]);
    expect(text).toContain('Stage: In progress');
    expect(text).toContain('1. Test the new letter with the readers’ panel first. · not met yet');
    expect(text).toContain('Consultation');
    expect(text).toContain('Engagement');
    const damaged = cardText((await h.say(people.lead, 'status PIR-2026-0008')).cards[0]);
    expect(damaged).toContain('Stage: In progress');
    expect(readProject(DAMAGED.project)).toEqual({ revision: 0, endDateMoves: [], conditionsMet: {} });
  });

  it('the daily sweep plans their check-ins, which go on the first working day after the end date', async () => {
    const h = await withOldRequests(new Date('2027-01-11T10:00:00Z'));
    await h.bot.scheduler.runOnce(LIFECYCLE_JOB);
    expect((await h.bot.stores.projects.listOpen()).map((r) => r.reference).sort()).toEqual([
      'PIR-2026-0007',
      'PIR-2026-0008',
    ]);
    // Friday 29 January 2027 ends both; Monday 1 February is the first working day after.
    h.clock = new Date('2027-02-01T09:31:00Z');
    await h.bot.scheduler.runOnce(LIFECYCLE_JOB);
    const sent = h.messenger.sentTo(`a:personal-${people.lead.id}`).map((s) => cardText(s.message));
    expect(sent.filter((t) => t.includes('Close-out check-in'))).toHaveLength(2);
    const stored = await h.bot.stores.pirs.findByReference('PIR-2026-0007');
    expect(readProject(stored?.project)).toMatchObject({ plannedFor: '2027-01-29', checkIn: { cycle: '2027-01-29' } });
    // What the old document held is kept as it was.
    expect(stored?.assessment.comment).toBe(OLD_SHAPE.assessment.comment);
    expect(stored?.revision).toBe(12);
  });

  it('can be closed out', async () => {
    const h = await withOldRequests(new Date('2027-02-01T10:00:00Z'));
    const card = (await h.say(people.lead, 'close out PIR-2026-0008')).cards[0];
    expect(cardText(card)).toContain('Close-out PIR-2026-0008 · Step 1 of 6');
    const stored = await h.bot.stores.pirs.findByReference('PIR-2026-0008');
    expect(readProject(stored?.project).closeOut?.status).toBe('draft');
  });
});
