import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { botText } from '../../src/bot/card-text.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { buildNoticeCard } from '../../src/cards/notice-card.js';
import { withSubmitActions } from '../../src/cards/submit-actions.js';
import { buildCatchUpCard } from '../../src/champions/cards/catch-up-card.js';
import { buildNudgeCard } from '../../src/champions/cards/nudge-card.js';
import type { Champion } from '../../src/champions/domain/champion.js';
import { directoratePicker } from '../../src/champions/handlers/register-champion.js';
import { deputyPicker } from '../../src/champions/handlers/set-deputy.js';
import { buildFormCard } from '../../src/forms/form-card.js';
import { buildHelpCard } from '../../src/help/cards/help-card.js';
import { buildWelcomeCard } from '../../src/help/cards/welcome-card.js';
import { HelpVerb } from '../../src/help/help-verbs.js';
import { buildAssessmentCard } from '../../src/pir/cards/assessment-card.js';
import { buildDecisionCard } from '../../src/pir/cards/decision-card.js';
import { buildListCard } from '../../src/pir/cards/list-card.js';
import { buildRequestsCard } from '../../src/pir/cards/requests-card.js';
import { buildReviewCard } from '../../src/pir/cards/review-card.js';
import { buildStepCard } from '../../src/pir/cards/step-card.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { decide, startDraft, submitPir } from '../../src/pir/domain/pir-transitions.js';
import { STEPS } from '../../src/pir/domain/steps.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { recordFields } from '../../src/records/domain/record-kinds.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { referenceData } from '../../src/reference-data/reference-data.js';
import { buildBoardReportCard } from '../../src/reports/cards/board-report-card.js';
import { buildDigestCard } from '../../src/reports/cards/digest-card.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { buildDigest } from '../../src/reports/domain/build-digest.js';
import { quarterChoices } from '../../src/reports/domain/quarter-choices.js';
import { cardText } from '../helpers/bot-harness.js';
import { cardButtons } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import { lifecycleRenderings } from '../lifecycle/lifecycle-fixtures.js';
import { q3Inputs } from '../reports/q3-fixture.js';
import { novemberInputs, Q3_2026_27 } from '../reports/report-fixtures.js';

const now = new Date('2026-11-23T10:00:00Z');
const lead = { id: 'aad-lead', name: 'Priya Lead' };
const draft: Pir = {
  ...startDraft('pir-1', lead, now),
  answers: {
    title: 'Discharge lounge',
    directorate: 'finance',
    qualityPriority: 'patient-experience',
    startDate: '2026-12-01',
    endDate: '2027-06-30',
    rung: 'co-design',
    protectedCharacteristics: ['age'],
    support: ['patient-partners'],
    partnerRole: 'Help with the audit of leaflets',
  },
};
const lists = { directorates: referenceData.directorates, qualityPriorities: referenceData.qualityPriorities };
const recordLists = { directorates: referenceData.directorates, howHeard: referenceData.feedbackHowHeard };
const nudgeContext = { directorates: referenceData.directorates, cadenceDays: 42 };
const submitted = submitPir({ ...draft, position: 'review' }, 'PIR-2026-0001', now, lists);
const decided = decide(
  submitted,
  'accept-with-conditions',
  lead,
  { comment: 'Involve carers.', expectedRung: 'co-production', criteria: { 'patient-focus': 'high' } },
  now,
);
const members = [{ id: 'm1', name: 'Morgan Member' }];
const changesRequested = decide(submitted, 'request-changes', lead, { comment: 'Involve carers earlier.' }, now);
const resubmitted = submitPir(
  {
    ...changesRequested,
    answers: {
      ...changesRequested.answers,
      title: 'Discharge lounge with carers',
      rung: 'co-production',
      groupsAffected: 'Carers',
      involvement: 'A carers’ forum',
      intelligence: 'Complaints',
      notOpenToInfluence: 'Staffing',
      whoDecides: 'Board',
      equalityPlans: 'Large print',
      supportNotes: 'Help',
      startDate: '2027-01-01',
      endDate: '2027-07-31',
      seldomHeardGroups: ['carers'],
      qualityPriority: 'safety',
    },
  },
  'PIR-2026-0001',
  now,
  lists,
);
const champion: Champion = {
  person: { id: 'aad-champion', name: 'Chris Champion' },
  directorate: 'finance',
  status: 'active',
  nextDueAt: '2027-01-04T09:30:00.000Z',
  registeredBy: 'aad-champion',
  registeredAt: now.toISOString(),
  updatedAt: now.toISOString(),
};
const sections = [{ heading: 'Leads', commands: [{ command: 'new request', description: 'Start one.' }] }];

const lifecycle = lifecycleRenderings();

/** Every template in cards/ with the builder renderings that exercise it. A template missing here fails the suite. */
const cases: Record<string, () => AdaptiveCard[]> = {
  'notice.json': () => [
    buildNoticeCard({ text: botText('Saved.') }),
    buildNoticeCard({ title: botText('Hi'), text: botText('x'), buttons: [{ title: 'Go', verb: PirVerb.list }] }),
  ],
  'champions-catch-up.json': () => [
    buildCatchUpCard(
      {
        fromDateKey: '2026-11-23',
        toDateKey: '2027-01-04',
        champions: 2,
        answered: 1,
        peopleInvolved: 12,
        highlights: Array.from({ length: 10 }, (_, i) => ({
          directorate: 'Finance',
          project: `Project ${i}`,
          shaped: 'Letters',
          rungId: 'co-design',
        })),
        challenges: [{ directorate: 'IT', text: 'System upgrade: no time' }],
        ideas: [{ directorate: 'Finance', text: 'Budget clinic' }],
      },
      '6 weeks',
    ),
    buildCatchUpCard(
      {
        fromDateKey: '2026-11-23',
        toDateKey: '2027-01-04',
        champions: 0,
        answered: 0,
        peopleInvolved: 0,
        highlights: [],
        challenges: [],
        ideas: [],
      },
      '8 weeks',
    ),
  ],
  'board-report.json': () => {
    const full = buildBoardReport(q3Inputs(), Q3_2026_27, new Date('2027-01-05T10:00:00Z'));
    const empty = buildBoardReport(
      { ...q3Inputs(), pirs: [], engagement: [], involvement: [], feedback: [], yswd: [], champions: [] },
      Q3_2026_27,
      new Date('2026-12-01T10:00:00Z'),
    );
    const downloads = [{ title: 'Open the Board paper', url: 'https://ppi.example/api/exports/board-paper?t=x' }];
    return [
      buildBoardReportCard(full, {
        variant: 'board',
        footer: botText('f'),
        downloads,
        quarters: quarterChoices('2027-01-05', 'financial'),
      }),
      buildBoardReportCard(full, { variant: 'committee', footer: botText('f'), downloads }),
      buildBoardReportCard(empty, { variant: 'board', footer: botText('f'), downloads: [] }),
    ];
  },
  'digest.json': () => [
    buildDigestCard(buildDigest(novemberInputs())),
    buildDigestCard(buildDigest(novemberInputs(), { directorate: 'it' })),
  ],
  'form.json': () => [
    ...(
      [
        { kind: 'engagement', category: 'involving' },
        { kind: 'engagement', category: 'co-production' },
        { kind: 'engagement', category: 'informing', source: 'check-in' },
        { kind: 'feedback' },
        { kind: 'yswd' },
      ] as const
    ).map(({ kind, ...key }) =>
      buildFormCard({
        kicker: botText('k'),
        title: botText('t'),
        intro: botText('i'),
        notice: botText('n'),
        fields: recordFields({ kind, ...key }, recordLists),
        values: { joint: true, people: 3, directorate: 'finance' },
        errors: [{ key: 'date', message: 'Please enter a date as YYYY-MM-DD.' }],
        buttons: [{ title: 'Save', verb: RecordVerb.save, data: { kind }, withInputs: true }],
      }),
    ),
    // PIR steps are form cards too.
    ...STEPS.map((s) => buildStepCard(draft, s.id, lists)),
    buildStepCard(draft, 'basics', lists, {
      notice: botText('Check'),
      errors: [{ key: 'title', message: 'Please answer' }],
      typed: { title: 'x' },
    }),
    deputyPicker(),
    deputyPicker({ notice: botText('Please choose a person.'), errors: [{ key: 'deputy', message: 'Please choose' }] }),
    directoratePicker(referenceData.directorates, '6 weeks'),
  ],
  'champion-nudge.json': () => [
    buildNudgeCard(champion, champion.nextDueAt, nudgeContext),
    buildNudgeCard(
      {
        ...champion,
        deputy: { id: 'd', name: 'Dee Deputy' },
        buddy: { id: 'b', name: 'Bea Buddy', directorate: 'it' },
      },
      champion.nextDueAt,
      nudgeContext,
      {
        variant: 'follow-up',
        notice: botText('Please answer “Which project?”.'),
        typed: { project: 'Discharge lounge', rung: 'co-design', idea: 'Ask PPGs' },
      },
    ),
    buildNudgeCard(champion, champion.nextDueAt, nudgeContext, { variant: 'deputy' }),
    buildNudgeCard({ ...champion, cadenceDays: 56 }, champion.nextDueAt, nudgeContext, {
      notice: botText('Please answer “Why were patients not involved”.'),
      errors: [{ key: 'whyNot', message: 'Please answer “Why were patients not involved”.' }],
      open: 'nothing',
    }),
    buildNudgeCard({ ...champion, deputy: { id: 'd', name: '' } }, champion.nextDueAt, nudgeContext, {
      notice: botText('Please answer.'),
      typed: { project: 'Letters' },
      open: 'log',
    }),
    buildNudgeCard(champion, champion.nextDueAt, nudgeContext, {
      notice: botText('That date is past.'),
      open: 'snooze',
    }),
  ],
  'welcome.json': () => [buildWelcomeCard({}), buildWelcomeCard({ name: 'Alex' })],
  'help.json': () => [
    buildHelpCard({
      title: botText('What I can do'),
      intro: botText('i'),
      buttons: [
        { title: 'Start a new request', verb: HelpVerb.run, data: { command: 'new request', view: 'lead' } },
        { title: 'My requests', verb: HelpVerb.run, data: { command: 'my requests', view: 'lead' } },
      ],
      sections: [],
      switches: [{ title: 'Show everything', verb: HelpVerb.show, data: { view: 'everything' } }],
      footer: botText('f'),
    }),
    buildHelpCard({
      title: botText('Everything'),
      intro: botText(''),
      notice: botText('You are not on the PPI team yet.'),
      buttons: [],
      sections,
      switches: [],
      footer: botText('f'),
    }),
  ],
  'pir-review.json': () => [
    buildReviewCard({ ...draft, position: 'review' }, lists),
    buildReviewCard({ ...draft, status: 'changes-requested', assessment: { comment: 'More' } }, lists, botText('note')),
  ],
  'pir-assessment.json': () => [
    buildAssessmentCard(submitted, { members, lists }),
    buildAssessmentCard(submitted, { members: [], lists, full: true, notice: botText('n') }),
    buildAssessmentCard(decided, { members, lists }),
    // Resubmissions: what changed (and more than fit), none changed, and an earlier version not kept.
    buildAssessmentCard(resubmitted, { members, lists }),
    buildAssessmentCard(submitPir({ ...changesRequested, answers: draft.answers }, 'PIR-2026-0001', now, lists), {
      members,
      lists,
    }),
    buildAssessmentCard({ ...resubmitted, submission: { number: 3, at: now.toISOString() } }, { members, lists }),
    buildAssessmentCard(submitted, {
      members,
      lists,
      notice: botText('Nothing was saved yet.'),
      typed: { comment: 'Too short' },
      errors: [{ key: 'comment', message: 'Please say a little more.' }],
    }),
  ],
  'pir-decision.json': () => [
    buildDecisionCard(decided),
    buildDecisionCard({ ...decided, status: 'changes-requested' }),
  ],
  'pir-list.json': () => [
    buildListCard([]),
    buildListCard([draft, decided]),
    buildListCard([draft, { ...draft, id: 'pir-2' }], 'continue', botText('Discarded “Ward 7”.')),
    buildListCard([draft, decided], 'status'),
    buildListCard([draft], 'status'),
  ],
  'project-status.json': () => [],
  'pir-requests.json': () => [
    buildRequestsCard({ awaiting: [], assignedToMe: [], changesRequested: [] }, lists.directorates),
    buildRequestsCard(
      {
        awaiting: Array.from({ length: 20 }, (_, i) => ({ ...submitted, id: `pir-${i}` })),
        assignedToMe: [{ ...submitted, assessment: { assignee: members[0] ?? lead } }],
        changesRequested: [changesRequested],
      },
      lists.directorates,
    ),
  ],
};
for (const template of new Set(lifecycle.map((r) => r.template))) {
  const others = cases[template] ?? (() => []);
  const cards = lifecycle.filter((r) => r.template === template).map((r) => r.card);
  cases[template] = () => [...others(), ...cards];
}

describe('Adaptive Cards', () => {
  it('has a rendering case for every template in cards/', () => {
    const templates = readdirSync('cards').filter((f) => f.endsWith('.json'));
    expect(templates.filter((t) => !(t in cases))).toEqual([]);
  });

  it('renders every form field in the one style: (required), the hint under the input, the error under that', () => {
    const card = buildNudgeCard(champion, champion.nextDueAt, nudgeContext, {
      errors: [
        { key: 'shaped', message: 'Please answer “How did patients/communities/people shape this piece of work”.' },
      ],
    });
    const text = cardText(card);
    expect(text).toContain('How did patients/communities/people shape this piece of work? (required)');
    expect(text).toContain('No names or personal details.');
    expect(text.indexOf('No names or personal details.')).toBeLessThan(text.indexOf('Please answer “How did'));
    expect(cardText(buildStepCard(draft, 'basics', lists))).toContain('Project title (required)');
  });

  for (const [template, render] of Object.entries(cases)) {
    it(`${template} renders valid cards, declaring the lowest version they need, as built and with Submit buttons`, () => {
      const cards = render();
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(validateCard(card)).toEqual([]);
        const submitted = withSubmitActions(card);
        expect(validateCard(submitted)).toEqual([]);
        expect(JSON.stringify(submitted)).not.toContain('Action.Execute');
        // The same buttons, verbs and data either way.
        const asPressed = (c: AdaptiveCard) => cardButtons(c).map(({ verb, data }) => ({ verb, data }));
        expect(asPressed(submitted)).toEqual(asPressed(card));
      }
    });
  }

  it('declares on each card what it uses: 1.0 with none of the newer things, 1.4 for Action.Execute, 1.3 for labels', () => {
    // The status card of a stopped project, seen by the PPI team: facts and text, no buttons.
    const status = cases['project-status.json']?.().at(-1);
    expect(status?.version).toBe('1.0');
    const nudge = buildNudgeCard(champion, champion.nextDueAt, nudgeContext);
    expect(nudge.version).toBe('1.4');
    expect(withSubmitActions(nudge).version).toBe('1.3');
    const bare = buildNoticeCard({ text: botText('Saved.') });
    expect(bare.version).toBe('1.0');
    expect(buildNoticeCard({ text: botText('x'), buttons: [{ title: 'Go', verb: PirVerb.list }] }).version).toBe('1.4');
  });

  it('builds every check-in card with nothing typed alike, each its own copy (a fan-out builds thousands)', () => {
    const first = buildNudgeCard(champion, champion.nextDueAt, nudgeContext);
    const second = buildNudgeCard(
      { ...champion, person: { ...champion.person, id: 'other' } },
      champion.nextDueAt,
      nudgeContext,
    );
    // The same card as the inputs built afresh (an empty `typed` takes that path) ...
    expect(first).toEqual(buildNudgeCard(champion, champion.nextDueAt, nudgeContext, { typed: {} }));
    // ... with each champion's own buttons, and no object shared: changing one card leaves the next as built.
    expect(JSON.stringify(second)).toContain('"championId":"other"');
    const inputsOf = (card: unknown) =>
      JSON.stringify(card)
        .match(/"id":"[^"]+"/g)
        ?.sort();
    expect(inputsOf(second)).toEqual(inputsOf(first));
    const scramble = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(scramble);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        for (const key of Object.keys(o)) {
          if (typeof o[key] === 'string') o[key] = 'changed';
          else scramble(o[key]);
        }
      }
    };
    scramble(first);
    scramble(second);
    expect(buildNudgeCard(champion, champion.nextDueAt, nudgeContext)).toEqual(
      buildNudgeCard(champion, champion.nextDueAt, nudgeContext, { typed: {} }),
    );
  });

  it('catches a broken card', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'a' }, { type: 'Nonsense' }],
      // A template expression left in a title and in button data (what the welcome card once shipped).
      actions: [{ type: 'Action.Execute', title: `$${'{action.title}'}`, verb: 'v', data: { id: `$${'{id}'}` } }],
    };
    const problems = validateCard(broken);
    expect(problems.filter((p) => p.startsWith('unexpanded template expression'))).toHaveLength(2);
    expect(problems.some((p) => p.includes('has no label'))).toBe(true);
    expect(problems.some((p) => p.includes('Nonsense'))).toBe(true);
    expect(problems).toContain('version is 1.5, but what the card uses needs 1.4 (Action.Execute at $.actions[0])');
  });

  it('catches a version too low for what the card uses, a 1.5 element without a fallback, and a Submit without a verb', () => {
    const tooLow = {
      type: 'AdaptiveCard',
      version: '1.2',
      body: [{ type: 'Input.Text', id: 'a', label: 'A' }],
      actions: [{ type: 'Action.Submit', title: 'Go', data: { id: 'x' } }],
    };
    const problems = validateCard(tooLow);
    expect(problems).toContain('version is 1.2, but what the card uses needs 1.3 (Input.Text.label at $.body[0])');
    expect(problems).toContain('parse: Property "label" is supported in version 1.3, but you are using version 1.2.');
    expect(problems).toContain('Action.Submit without a verb in its data');

    const table = { type: 'Table', columns: [{ width: 1 }], rows: [] };
    const noFallback = { type: 'AdaptiveCard', version: '1.5', body: [table] };
    expect(validateCard(noFallback)).toEqual(['Table is 1.5 only and has no fallback element for older clients']);
    const fallback = { type: 'FactSet', facts: [{ title: 'Requests', value: '3' }] };
    expect(validateCard({ ...noFallback, body: [{ ...table, fallback }] })).toEqual([]);

    const verbInput = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'Input.Text', id: 'verb', label: 'V' }] };
    expect(validateCard(verbInput)).toEqual(['Input.Text "verb" would overwrite an Action.Submit\'s verb']);
  });
});
