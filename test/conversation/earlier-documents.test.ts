import { describe, expect, it } from 'vitest';
import { financialQuarter } from '../../src/calendar/report-quarter.js';
import { championKeys } from '../../src/champions/store/table-champion-store.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { loadPeriodInputs } from '../../src/reports/store/load-period-inputs.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData, inputValue } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { periodSources } from '../reports/seed-stores.js';

/**
 * Documents as the bot stored them before this change (read from a Azurite table the way an earlier version wrote
 * them), read and shown by today's bot: requests before question 5 had its own answer and with the earlier Quality
 * Strategy guesses, engagement records from the single activity list with the seed's questions as free text,
 * feedback with averages and the earlier "how did you hear" answers, champions' "nothing to report", and
 * involvement logged before check-ins made engagement records.
 */

const NOW = new Date('2027-01-05T10:00:00Z');
const Q3 = financialQuarter(2026, 3, 'financial');
const lead = { id: people.lead.id, name: people.lead.name };

/** A table of the bot's, written to directly (no store, no reader: the JSON as an earlier version left it). */
async function raw(h: BotHarness, name: string): Promise<DocumentTable<unknown>> {
  return new DocumentTable(await openTable(h.connectionStringInUse, `${h.config.tablePrefix}${name}`), (x) => x);
}

const earlierPir = {
  id: 'pir-earlier',
  lead,
  status: 'submitted',
  position: 'review',
  returnToReview: false,
  answers: {
    title: 'Pharmacy waits',
    directorate: 'pmo',
    qualityPriority: 'patient-safety',
    startDate: '2027-02-01',
    endDate: '2027-06-30',
    intelligence: 'Complaints about waiting for medicines at discharge.',
    groupsAffected: 'Inpatients going home',
    involvement: 'A focus group and a survey.',
    rung: 'coercion',
    notOpenToInfluence: 'Staffing',
    whoDecides: 'Chief Pharmacist',
    protectedCharacteristics: ['age'],
    seldomHeardGroups: [],
    equalityPlans: 'Large-print invitations.',
    support: ['patient-partners'],
  },
  revision: 12,
  reference: 'PIR-2026-0007',
  createdAt: '2026-10-01T10:00:00.000Z',
  updatedAt: '2026-10-20T10:00:00.000Z',
  submittedAt: '2026-10-20T10:00:00.000Z',
  assessment: {},
};

const earlierEngagement = (id: string, category: string, values: Record<string, unknown>) => ({
  id,
  kind: 'engagement',
  date: '2026-11-20',
  directorate: 'finance',
  category,
  values,
  author: lead,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  revision: 1,
});

async function writeEarlierDocuments(h: BotHarness): Promise<void> {
  await (await raw(h, 'Pirs')).create(lead.id, earlierPir.id, earlierPir);
  await (await raw(h, 'PirReferences')).create('2026', 'PIR-2026-0007', { leadId: lead.id, pirId: earlierPir.id });
  const records = await raw(h, 'Records2026Q4');
  await records.create(
    '2026-11~engagement',
    'rec-engaging-1',
    earlierEngagement('rec-engaging-1', 'engaging', {
      activity: 'email-survey',
      people: 14,
      fu0: 'An e-mail survey of outpatients about letters.',
      fu1: 'About fourteen replied',
      fu2: 'Most wanted plainer words.',
      project: 'Outpatient letters',
    }),
  );
  await records.create(
    '2026-11~engagement',
    'rec-informing-1',
    earlierEngagement('rec-informing-1', 'informing', {
      activity: 'focus-group',
      people: 30,
      fu0: 'A stand in the atrium.',
    }),
  );
  await records.create('2026-11~feedback', 'rec-feedback-1', {
    ...earlierEngagement('rec-feedback-1', 'x', {
      activityName: 'Letters focus group',
      responses: 10,
      valued: 8.5,
      impact: 6,
      viewsYes: 8,
      viewsNo: 1,
      againYes: 9,
      againNo: 0,
      'heard-word-of-mouth': 4,
      'heard-social-media': 2,
    }),
    kind: 'feedback',
    category: undefined,
  });
  const [pk, rk] = championKeys(people.champion.id);
  await (await raw(h, 'Champions')).create(pk, rk, {
    person: { id: people.champion.id, name: people.champion.name, channelUserId: people.champion.channelUserId },
    directorate: 'finance',
    directorateLabel: 'Finance',
    status: 'active',
    personalReference: {
      serviceUrl: 'https://test.invalid/',
      conversation: { id: `personal-${people.champion.channelUserId}` },
    },
    nextDueAt: '2027-01-25T09:30:00.000Z',
    lastResponseAt: '2026-12-15T10:00:00.000Z',
    cycle: {
      dueAt: '2026-12-14T09:30:00.000Z',
      nudgedAt: '2026-12-14T09:30:00.000Z',
      followUpsSent: 0,
      answer: 'nothing-to-report',
      answeredAt: '2026-12-15T10:00:00.000Z',
      answeredBy: people.champion.id,
      whyNot: 'Budget setting only',
    },
    pastCycles: [
      {
        dueAt: '2026-11-02T09:30:00.000Z',
        nudgedAt: '2026-11-02T09:30:00.000Z',
        followUpsSent: 0,
        answer: 'involvement',
        answeredAt: '2026-11-03T10:00:00.000Z',
      },
    ],
    registeredBy: people.champion.id,
    registeredAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-12-15T10:00:00.000Z',
  });
  await (await raw(h, 'Involvement')).create('2026-11', '2026-11-03~champion~x', {
    id: `champion~${people.champion.id}~2026-11-02T09:30:00.000Z`,
    directorate: 'finance',
    projectName: 'Budget consultation',
    whatPatientsShaped: 'The order of the questions',
    rungId: 'consultation',
    peopleCount: 7,
    activityDate: '2026-11-03',
    recordedBy: { id: people.champion.id, name: people.champion.name },
    recordedAt: '2026-11-03T10:00:00.000Z',
  });
  await (await raw(h, 'Directorates')).create('directorate', 'digital-services', {
    id: 'digital-services',
    label: 'Digital Services',
    retired: false,
    changedBy: people.admin.id,
    changedAt: '2026-09-01T10:00:00.000Z',
  });
}

describe('documents stored before this change are read and shown correctly', () => {
  it('engagement and feedback records from the earlier forms: listed, edited with nothing lost', async () => {
    const h = await BotHarness.start({ now: new Date('2026-12-01T10:00:00Z') });
    await writeEarlierDocuments(h);
    const mine = await h.say(people.lead, 'my records');
    const text = cardText(mine.cards[0]);
    expect(text).toContain(
      'Engaging: An e-mail survey of outpatients about letters., 14 people (Friday 20 November 2026)',
    );
    expect(text).toContain('Informing: Other: Focus group, 30 people (Friday 20 November 2026)');
    expect(text).toContain('Feedback: Letters focus group, 10 forms (Friday 20 November 2026)');

    const edits = ((mine.cards[0]?.actions ?? []) as { data: Record<string, unknown> }[]).map((a) => a.data);
    const engagingEdit = edits.find((d) => d.id === 'rec-engaging-1') ?? {};
    const form = await h.click(people.lead, RecordVerb.edit, engagingEdit);
    expect(inputValue(form.card, 'activityDescription')).toBe('An e-mail survey of outpatients about letters.');
    expect(inputValue(form.card, 'collated')).toBe('Most wanted plainer words.');
    expect(inputValue(form.card, 'people')).toBe('14');
    expect(cardText(form.card)).toContain('Kept from the earlier version of this form:');
    expect(cardText(form.card)).toContain('Type of activity: E-mail or online survey');
    expect(cardText(form.card)).toContain('How many people did you engage with?: About fourteen replied');
    const saved = await h.click(people.lead, RecordVerb.save, {
      ...actionData(form.card, RecordVerb.save),
      directorate: 'finance',
      date: '2026-11-20',
      activityDescription: 'An e-mail survey of outpatients about appointment letters.',
      people: '15',
      collated: 'Most wanted plainer words.',
    });
    expect(cardText(saved.card)).toContain('Changes saved.');
    const stored = await h.bot.stores.records.get({ kind: 'engagement', month: '2026-11', id: 'rec-engaging-1' });
    expect(stored?.value.values).toEqual({
      activity: 'email-survey',
      activityDescription: 'An e-mail survey of outpatients about appointment letters.',
      collated: 'Most wanted plainer words.',
      fu1: 'About fourteen replied',
      participantsTold: false,
      people: 15,
    });

    const feedbackEdit = edits.find((d) => d.id === 'rec-feedback-1') ?? {};
    const feedbackForm = await h.click(people.lead, RecordVerb.edit, feedbackEdit);
    expect(cardText(feedbackForm.card)).toContain('Average score: how valued did people feel? (1–10): 8\\.5');
    expect(cardText(feedbackForm.card)).toContain('Word of mouth, family or friends (forms): 4');
    await h.click(people.lead, RecordVerb.save, {
      ...actionData(feedbackForm.card, RecordVerb.save),
      directorate: 'finance',
      date: '2026-11-20',
      activityName: 'Letters focus group',
      responses: '10',
      viewsYes: '8',
      viewsNo: '1',
      againYes: '9',
      againNo: '0',
      'heard-social-media': '2',
    });
    const feedback = await h.bot.stores.records.get({ kind: 'feedback', month: '2026-11', id: 'rec-feedback-1' });
    expect(feedback?.value.values).toMatchObject({ valued: 8.5, impact: 6, 'heard-word-of-mouth': 4, responses: 10 });
  });

  it('the Board report counts every earlier document once, under today’s names', async () => {
    const h = await BotHarness.start({ now: NOW });
    await writeEarlierDocuments(h);
    const inputs = await loadPeriodInputs(periodSources(h.bot.stores), Q3.period);
    const r = buildBoardReport(inputs, Q3, NOW);
    expect(r.requests.received).toBe(1);
    expect(r.byQualityPriority.map((b) => [b.label, b.requests])).toContainEqual(['Patient safety (retired)', 1]);
    expect(r.requests.limited).toEqual([
      {
        reference: 'PIR-2026-0007',
        title: 'Pharmacy waits',
        directorate: 'PMO',
        rung: 'Coercion',
        basis: 'planned by the lead',
      },
    ]);
    expect(r.reached.byCategory.map((c) => [c.category, c.activities, c.people])).toEqual([
      ['Informing', 1, 30],
      ['Engaging', 1, 14],
      ['Reported by partnership champions only', 1, 7],
    ]);
    expect(r.learning.map((l) => [l.category, l.activity, l.text])).toEqual([
      ['Engaging', 'An e-mail survey of outpatients about letters.', 'Most wanted plainer words.'],
    ]);
    expect(r.feedback.valued).toMatchObject({ mean: 8.5, basis: 'activity averages' });
    expect(r.feedback.howHeard).toEqual([
      { label: 'Word of mouth, family or friends (retired)', count: 4 },
      { label: 'Social media', count: 2 },
      { label: 'Another answer, or not answered', count: 4 },
    ]);
    expect(r.whyNot.map((w) => w.reason)).toEqual(['Budget setting only']);
    expect(r.champions).toMatchObject({ checkInsDue: 2, checkInsAnswered: 2 });
  });

  it('requests and champions from before: shown with question 5 read from the groups, “nothing to report” as why not', async () => {
    const h = await BotHarness.start({ now: NOW });
    await writeEarlierDocuments(h);
    const pir = await h.bot.stores.pirs.get(lead.id, earlierPir.id);
    expect(pir?.value.answers.disproportionate).toBe('yes');
    const status = await h.say(people.lead, 'status PIR-2026-0007');
    expect(cardText(status.cards[0])).toContain('PMO');
    expect((await h.bot.stores.champions.get(people.champion.id))?.value.cycle?.answer).toBe('without-patients');
    const list = (await h.say(people.admin, 'champions')).texts[0] ?? '';
    expect(list).toContain('**Finance**: Chris Champion (answered;');
    const directorates = (await h.say(people.lead, 'directorates')).texts[0] ?? '';
    expect(directorates).toContain('- Digital Services');
    const catchUp = cardText((await h.say(people.admin, 'catch-up now')).cards[0]);
    expect(catchUp).toContain('Budget setting only');
  });
});
