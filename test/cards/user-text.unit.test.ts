import { describe, expect, it } from 'vitest';
import { md, plain } from '../../src/bot/card-text.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { buildCatchUpCard } from '../../src/champions/cards/catch-up-card.js';
import { buildNudgeCard } from '../../src/champions/cards/nudge-card.js';
import type { Champion } from '../../src/champions/domain/champion.js';
import { buildWelcomeCard } from '../../src/help/cards/welcome-card.js';
import { buildAssessmentCard } from '../../src/pir/cards/assessment-card.js';
import { buildDecisionCard } from '../../src/pir/cards/decision-card.js';
import { buildListCard } from '../../src/pir/cards/list-card.js';
import { buildReviewCard } from '../../src/pir/cards/review-card.js';
import { buildStepCard } from '../../src/pir/cards/step-card.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { decide, startDraft, submitPir } from '../../src/pir/domain/pir-transitions.js';
import { buildMyRecordsCard } from '../../src/records/cards/my-records-card.js';
import { signOffCard, signOffDoneCard } from '../../src/records/cards/sign-off-card.js';
import { buildBoardReportCard } from '../../src/reports/cards/board-report-card.js';
import { buildDigestCard } from '../../src/reports/cards/digest-card.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { buildDigest } from '../../src/reports/domain/build-digest.js';
import { markdownTexts } from '../helpers/card-markdown.js';
import { lifecycleRenderings } from '../lifecycle/lifecycle-fixtures.js';
import { q3Inputs } from '../reports/q3-fixture.js';
import { novemberInputs, Q3_2026_27, yswd } from '../reports/report-fixtures.js';

/** What people might type, or paste, to make a card others see say something else. */
const LINK = '[Sign in to approve](https://x.example)';
const BOLD = '**bold**';
const LIST = '- not a list';
const HOSTILE = `${LINK} ${BOLD}\n${LIST}`;

/** Nowhere on the card is the hostile text live markdown. */
function expectNoLiveMarkdown(card: AdaptiveCard, name: string): void {
  const texts = markdownTexts(card);
  const all = texts.join('\n');
  expect(all, name).not.toContain('[Sign in to approve](');
  expect(all, name).not.toContain(BOLD);
  expect(
    texts.some((t) => /(^|\n)- not a list/.test(t)),
    name,
  ).toBe(false);
}

/** The card shows the hostile text (escaped, so as typed) and nowhere as live markdown. */
function expectShownAsTyped(card: AdaptiveCard, name: string): void {
  expectNoLiveMarkdown(card, name);
  const all = markdownTexts(card).join('\n');
  expect(all, name).toContain('\\[Sign in to approve\\](https://x.example)');
  expect(all, name).toContain('\\*\\*bold\\*\\*');
}

const NOW = new Date('2026-11-23T10:00:00Z');
const lead = { id: 'aad-lead', name: `Priya ${BOLD}` };
const answers: Pir['answers'] = {
  title: HOSTILE,
  directorate: 'finance',
  groupsAffected: HOSTILE,
  intelligence: HOSTILE,
  rung: 'co-design',
};
const lists = {
  directorates: [{ id: 'new-one', label: HOSTILE, retired: false }],
  qualityPriorities: [{ id: 'patient-experience', label: HOSTILE, retired: false }],
};
const draft: Pir = { ...startDraft('pir-1', lead, NOW), answers };
const submitted = submitPir({ ...draft, position: 'review' }, 'PIR-2026-0001', NOW, lists);
const decided = decide(submitted, 'request-changes', { id: 'm', name: 'Morgan' }, { comment: HOSTILE }, NOW);
const champion: Champion = {
  person: { id: 'aad-c', name: 'Chris' },
  directorate: 'new-one',
  directorateLabel: HOSTILE,
  deputy: { id: 'aad-d', name: 'Dee' },
  status: 'active',
  nextDueAt: '2027-01-04T09:30:00.000Z',
  registeredBy: 'aad-c',
  registeredAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};
const item = yswd('a1b2c3d4-0001', '2026-11-20', false, { author: lead }, { youSaid: HOSTILE, weDid: HOSTILE });
const approvedItem = yswd('a1b2c3d4-0002', '2026-11-21', true, {}, { youSaid: HOSTILE, weDid: HOSTILE, joint: true });

const nudgeContext = { directorates: lists.directorates, cadenceDays: 42 };

describe('user text on cards is shown as typed, never as live markdown', () => {
  const cards: Record<string, () => AdaptiveCard> = {
    'assessment card (the PPI team’s channel)': () => buildAssessmentCard(decided, { members: [], lists, full: true }),
    'assessment card, summary': () => buildAssessmentCard(submitted, { members: [], lists }),
    'decision sent to the lead': () => buildDecisionCard(decided),
    'review card': () => buildReviewCard({ ...decided, status: 'changes-requested' }, lists),
    'list of requests': () => buildListCard([draft]),
    'check-in card (directorate label typed by an admin)': () =>
      buildNudgeCard(champion, champion.nextDueAt, nudgeContext),
    'check-in card passed to a deputy': () =>
      buildNudgeCard(champion, champion.nextDueAt, nudgeContext, { variant: 'deputy' }),
    'champions’ catch-up': () =>
      buildCatchUpCard(
        {
          fromDateKey: '2026-11-23',
          toDateKey: '2027-01-04',
          champions: 1,
          answered: 1,
          peopleInvolved: 3,
          highlights: [{ directorate: HOSTILE, project: HOSTILE, shaped: HOSTILE, rungId: 'co-design' }],
          challenges: [{ directorate: HOSTILE, text: HOSTILE }],
          ideas: [{ directorate: HOSTILE, text: HOSTILE }],
        },
        '6 weeks',
      ),
    'sign-off card': () => signOffCard(item, lists.directorates),
    'signed off': () => signOffDoneCard(item, true, 'Pat'),
    'my records': () => buildMyRecordsCard([item]),
    digest: () => buildDigestCard(buildDigest({ ...novemberInputs(), yswd: [approvedItem] })),
  };
  for (const [name, build] of Object.entries(cards)) {
    it(name, () => expectShownAsTyped(build(), name));
  }
  // The request after acceptance: status, check-in, close-out steps and review, the PPI team's review, notices.
  for (const { name, card, showsTyped } of lifecycleRenderings(HOSTILE)) {
    it(`lifecycle: ${name}`, () => (showsTyped ? expectShownAsTyped(card, name) : expectNoLiveMarkdown(card, name)));
  }

  it('the Board report card shows no free text at all (titles and reasons are in the paper), only figures', () => {
    const inputs = q3Inputs();
    const pirs = inputs.pirs.map((p) => ({
      ...p,
      answers: { ...p.answers, title: HOSTILE, notOpenToInfluence: HOSTILE },
    }));
    const report = buildBoardReport({ ...inputs, pirs, yswd: [approvedItem] }, Q3_2026_27, new Date('2027-01-05'));
    const all = markdownTexts(buildBoardReportCard(report, { variant: 'board', footer: md`Footer`, downloads: [] }));
    expect(all.join('\n')).not.toContain('Sign in to approve');
    expect(all.join('\n')).not.toContain('bold');
  });

  it('the welcome card greets by a name shown as typed', () => {
    const texts = markdownTexts(buildWelcomeCard({ name: BOLD })).join('\n');
    expect(texts).not.toContain(BOLD);
    expect(texts).toContain('\\*\\*bold\\*\\*');
  });

  it('inputs are not markdown: a step card gives back the title exactly as typed', () => {
    const card = buildStepCard(draft, 'basics', lists);
    expect(JSON.stringify(card)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });

  it('escapes only what would change the text; the bot’s own markdown stays', () => {
    expect(plain('Redesigning the discharge lounge (ward 7) 2026-11-20')).toBe(
      'Redesigning the discharge lounge (ward 7) 2026-11-20',
    );
    expect(plain('1. first\n# heading\n> quote')).toBe('1\\. first\n\\# heading\n\\> quote');
    expect(md`Type **continue** for “${'_x_'}”`).toBe('Type **continue** for “\\_x\\_”');
  });
});
