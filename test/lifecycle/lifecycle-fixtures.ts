import { botText } from '../../src/bot/card-text.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { buildCheckInCard } from '../../src/lifecycle/cards/check-in-card.js';
import { buildCloseOutReviewCard } from '../../src/lifecycle/cards/close-out-review-card.js';
import { buildCloseOutStepCard } from '../../src/lifecycle/cards/close-out-step-card.js';
import { buildCloseOutsCard } from '../../src/lifecycle/cards/close-outs-card.js';
import { decisionNotice, submittedNotice, unansweredNotice } from '../../src/lifecycle/cards/lifecycle-notices.js';
import { buildPpiReviewCard } from '../../src/lifecycle/cards/ppi-review-card.js';
import { buildProjectStatusCard } from '../../src/lifecycle/cards/project-status-card.js';
import { CLOSE_OUT_STEPS } from '../../src/lifecycle/domain/close-out-steps.js';
import { overviewOf } from '../../src/lifecycle/domain/overview.js';
import type { CloseOut, Project } from '../../src/lifecycle/domain/project.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { decide, startDraft, submitPir } from '../../src/pir/domain/pir-transitions.js';
import type { RecordDoc } from '../../src/records/domain/record-doc.js';
import { shippedLists } from '../pir/pir-fixtures.js';

export const NOW = new Date('2027-07-06T10:00:00Z');
export const lead = { id: 'aad-lead', name: 'Priya Lead' };
export const ppi = { id: 'aad-ppi', name: 'Pat PPI' };

/** Answers to every close-out step, as a lead would give them. */
export const closeOutAnswers = {
  aim: 'To redesign the discharge lounge with the people who wait in it.',
  methods: 'Two focus groups and a walk-through of the lounge with patients and carers.',
  peopleCount: 24,
  seldomHeard: ['carers'],
  protectedGroups: ['age', 'disability'],
  groupCount: 9,
  outcomesGood: 'Medicines are now prepared the day before discharge; waits fell by an hour.',
  outcomesBad: 'The evening sessions were poorly attended.',
  influence: 'Patients chose the new layout and the order of the discharge checklist.',
  achievedRung: 'co-design',
  wentWell: 'Patients led the walk-through and spotted what staff had missed.',
  doDifferently: 'Start earlier and offer sessions in the community as well.',
  participantsTold: 'yes',
  toldHow: 'A letter and the patient newsletter',
  toldOn: '2027-07-01',
  yswdItems: [],
} as const;

/** An accepted request (with conditions), submitted in November 2026 and ending on 30 June 2027. */
export function acceptedPir(project?: Project, text: { title?: string; condition?: string } = {}): Pir {
  const draft: Pir = {
    ...startDraft('pir-1', lead, new Date('2026-11-23T10:00:00Z')),
    answers: {
      title: text.title ?? 'Redesigning the discharge lounge',
      directorate: 'finance',
      qualityPriority: 'patient-experience',
      startDate: '2026-12-01',
      endDate: '2027-06-30',
      rung: 'co-design',
    },
  };
  const submitted = submitPir(
    { ...draft, position: 'review' },
    'PIR-2026-0001',
    new Date('2026-11-23T11:00:00Z'),
    shippedLists,
  );
  const decided = decide(
    submitted,
    'accept-with-conditions',
    ppi,
    { expectedRung: 'co-production', conditions: [text.condition ?? 'Involve carers in the design group'] },
    new Date('2026-11-24T10:00:00Z'),
  );
  return project ? { ...decided, project } : decided;
}

export function closeOutOf(status: CloseOut['status'], extra: Partial<CloseOut> = {}): CloseOut {
  return {
    status,
    position: 'review',
    returnToReview: false,
    answers: closeOutAnswers,
    startedAt: '2027-07-01T10:00:00.000Z',
    updatedAt: '2027-07-02T10:00:00.000Z',
    round: status === 'draft' ? 0 : 1,
    reviews:
      status === 'more-asked' || status === 'accepted'
        ? [
            {
              round: 1,
              decision: status === 'accepted' ? 'accepted' : 'more-asked',
              by: ppi,
              at: '2027-07-05T10:00:00.000Z',
              comment: 'Say more about the carers.',
            },
          ]
        : [],
    ...(status !== 'draft' ? { submittedAt: '2027-07-02T10:00:00.000Z' } : {}),
    ...(status === 'accepted' ? { closedAt: '2027-07-05T10:00:00.000Z' } : {}),
    ...extra,
  };
}

export function projectWith(closeOut?: CloseOut, extra: Partial<Project> = {}): Project {
  return { revision: 3, endDateMoves: [], conditionsMet: {}, ...(closeOut ? { closeOut } : {}), ...extra };
}

export function yswdItem(id: string, youSaid: string, told: boolean): RecordDoc {
  return {
    id,
    kind: 'yswd',
    date: '2027-03-10',
    directorate: 'finance',
    values: {
      youSaid,
      outcome: 'we-did',
      weDid: 'Changed it',
      status: 'done',
      pirReference: 'PIR-2026-0001',
      participantsTold: told,
    },
    author: lead,
    createdAt: '2027-03-10T10:00:00.000Z',
    updatedAt: '2027-03-10T10:00:00.000Z',
    revision: 2,
    approval: { status: 'approved', by: ppi, at: '2027-03-11T10:00:00.000Z' },
  };
}

export interface Rendering {
  readonly template: string;
  readonly name: string;
  readonly card: AdaptiveCard;
  /** The card shows typed text as card text (a step card only holds it in its inputs). */
  readonly showsTyped: boolean;
}

/** Every lifecycle card with the template it renders, `text` typed wherever a person types (hostile in tests). */
export function lifecycleRenderings(text = 'Plain text'): Rendering[] {
  const answers = { ...closeOutAnswers, aim: text, influence: text, wentWell: text };
  const draft = projectWith({ ...closeOutOf('draft'), answers, position: 'aim' });
  const pir = acceptedPir(draft, { title: text, condition: text });
  const evaluation = { own: text, by: ppi, at: NOW.toISOString() };
  const submitted = projectWith({ ...closeOutOf('submitted'), answers, evaluation });
  const asked = projectWith({ ...closeOutOf('more-asked'), answers });
  const closed = projectWith({ ...closeOutOf('accepted'), answers });
  const withClose = draft as Project & { closeOut: CloseOut };
  const items = [{ id: 'r1', label: text }];
  const stopped = projectWith(undefined, { stopped: { at: NOW.toISOString(), reason: text, by: lead } });
  const review = (p: Project) => p as Project & { closeOut: CloseOut };
  const engagement: RecordDoc = { ...yswdItem('e1', text, false), kind: 'engagement', category: 'informing' };
  // A directorate whose name an admin typed: shown as typed too.
  const directorates = [{ id: pir.answers.directorate ?? 'finance', label: text, retired: false }];
  const status = (project: Project, leadHere: boolean) =>
    buildProjectStatusCard(pir, {
      stage: 'close-out-due',
      project,
      history: [{ at: NOW.toISOString(), actor: lead, action: 'Close-out sent', comment: text }],
      linked: [yswdItem('y1', text, true), engagement],
      leadHere,
      directorates,
      notice: botText('Saved.'),
    });
  const overview = overviewOf(
    [
      { pir, project: projectWith() },
      { pir: { ...pir, id: 'pir-2' }, project: submitted },
      { pir: { ...pir, id: 'pir-3' }, project: closed },
      { pir: { ...pir, id: 'pir-4' }, project: stopped },
    ],
    NOW,
  );
  const checkedIn = projectWith(undefined, { checkIn: { cycle: '2027-06-30', sentAt: NOW.toISOString() } });
  const form = (name: string, card: AdaptiveCard, showsTyped = true): Rendering => ({
    template: 'form.json',
    name,
    card,
    showsTyped,
  });
  const notice = (name: string, card: AdaptiveCard, showsTyped = true): Rendering => ({
    template: 'notice.json',
    name,
    card,
    showsTyped,
  });
  return [
    form('check-in', buildCheckInCard(pir, '2027-06-30')),
    form(
      'check-in reminder, refused',
      buildCheckInCard(pir, '2027-06-30', {
        followUp: true,
        notice: botText('Nothing was saved yet.'),
        errors: [{ key: 'newEndDate', message: 'The new end date must be after today.' }],
        typed: { extendReason: text },
      }),
    ),
    ...CLOSE_OUT_STEPS.map((s) =>
      form(`close-out step ${s.id}`, buildCloseOutStepCard(pir, withClose, s.id, items), false),
    ),
    form(
      'close-out step from the review',
      buildCloseOutStepCard(
        pir,
        { ...withClose, closeOut: { ...withClose.closeOut, returnToReview: true } },
        'told',
        [],
      ),
      false,
    ),
    form('PPI team review', buildPpiReviewCard(pir, review(submitted), directorates)),
    form('PPI team review, more asked', buildPpiReviewCard(pir, review(asked), directorates)),
    form(
      'PPI team review, closed',
      buildPpiReviewCard(pir, review(closed), directorates, { notice: botText('Closed.') }),
    ),
    {
      template: 'pir-review.json',
      name: 'close-out review',
      card: buildCloseOutReviewCard(pir, review(submitted), items),
      showsTyped: true,
    },
    {
      template: 'pir-review.json',
      name: 'close-out review, more asked',
      card: buildCloseOutReviewCard(pir, review(asked), [], botText('Saved.')),
      showsTyped: true,
    },
    notice('close-out sent', submittedNotice(pir, true), false),
    notice('close-out sent, no channel', submittedNotice(pir, false), false),
    notice('closed', decisionNotice(pir, { round: 1, decision: 'accepted', by: ppi, at: NOW.toISOString() })),
    notice(
      'more asked',
      decisionNotice(pir, { round: 1, decision: 'more-asked', by: ppi, at: NOW.toISOString(), comment: text }),
    ),
    notice('unanswered', unansweredNotice(pir, checkedIn)),
    notice('unreachable', unansweredNotice(pir, projectWith())),
    notice('close-outs', buildCloseOutsCard(overview)),
    { template: 'project-status.json', name: 'status, the lead', card: status(draft, true), showsTyped: true },
    { template: 'project-status.json', name: 'status, closed', card: status(closed, false), showsTyped: true },
    { template: 'project-status.json', name: 'status, stopped', card: status(stopped, false), showsTyped: true },
  ];
}
