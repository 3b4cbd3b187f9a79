import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import template from '../../cards/champions-catch-up.json' with { type: 'json' };
import { CHAMPION_QUESTION } from '../../src/champions/domain/check-in-forms.js';
import { CHAMPIONS_PER_DIRECTORATE } from '../../src/champions/domain/coverage.js';
import { PARTNER_COMMITMENT_QUESTION, PIR_QUESTIONS } from '../../src/pir/domain/step-fields.js';
import { CATEGORY_QUESTION, SHAPED_QUESTION } from '../../src/records/domain/check-in-record.js';
import { findChoice, referenceData } from '../../src/reference-data/reference-data.js';

/**
 * Every string the product takes from the source documents, compared with their text (docs/sources/, copies of the
 * seeds). Verbatim strings must appear in the seed as they are; paraphrases (the ladder's one-line meanings, the
 * activities the seeds name in passing) name the seed's own words they follow, which must be in the seed, and the
 * product's words that carry them.
 */

const SOURCES = 'docs/sources';
const SEEDS: Readonly<Record<string, string>> = {
  '000': '000_d9cdeb268204735b.txt',
  '001': '001_b4747ab074a34bb4.txt',
  '002': '002_2b1143c41322209e.txt',
  '003': '003_6e292671a262cb2a.txt',
  '004': '004_e4dcbcfe9ae8479d.txt',
};
type Seed = keyof typeof SEEDS;

/** Quotes, dashes and spacing as typed in the product (the seeds use curly quotes, en dashes and hard line breaks). */
const normalise = (text: string) =>
  text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();

const seedText = new Map(
  Object.entries(SEEDS).map(([id, file]) => [id, normalise(readFileSync(`${SOURCES}/${file}`, 'utf8'))]),
);
const seed = (id: Seed): string => seedText.get(id) ?? '';
const inSeed = (id: Seed, text: string, options: { caseless?: boolean } = {}) =>
  options.caseless
    ? seed(id).toLowerCase().includes(normalise(text).toLowerCase())
    : seed(id).includes(normalise(text));

/** [where, the product's string, seed] — shown verbatim (quotes, dashes and spacing aside). */
const VERBATIM: readonly (readonly [string, string, Seed])[] = [
  ...Object.entries(PIR_QUESTIONS).map(([k, q]) => [`request question (${k})`, q, '000'] as const),
  ...referenceData.assessmentCriteria.map((c) => [`assessment criterion ${c.id}`, c.label, '000'] as const),
  ...referenceData.patientPartnerRemit.map(
    (t) => [`outside the Patient Partner remit: ${t.id}`, t.label, '000'] as const,
  ),
  ['engagement log: first question', CATEGORY_QUESTION, '004'],
  ...referenceData.engagementCategories.flatMap((c) => [
    [`engagement category ${c.id}`, c.label, '004'] as const,
    [`${c.id}: activity question`, c.activityQuestion, '004'] as const,
    [`${c.id}: people question`, c.peopleQuestion, '004'] as const,
    ...(c.feedbackQuestion ? [[`${c.id}: feedback question`, c.feedbackQuestion, '004'] as const] : []),
  ]),
  ...referenceData.feedbackSurvey.flatMap((q) => [
    [`feedback survey: ${q.id}`, q.label, '004'] as const,
    ...(q.low && q.high
      ? [
          [`feedback survey: ${q.id} low end`, q.low, '004'] as const,
          [`feedback survey: ${q.id} high end`, q.high, '004'] as const,
        ]
      : []),
  ]),
  ['the champion’s question (Foreword)', CHAMPION_QUESTION, '004'],
  ['the champion’s question about a piece of work', SHAPED_QUESTION, '004'],
  ['Patient Partners: commitment', PARTNER_COMMITMENT_QUESTION, '004'],
];

/** Option lists the seed gives as one line ("Social media post, website, …"): each option is on that line. */
const OPTION_LINES: readonly (readonly [string, string])[] = [
  ['informing', 'Social media post, website, promotional event (market stall), other'],
  ['involving', 'Focus groups, forums, public events, other'],
];

/**
 * [where, the product's words, the seed's words they follow, seed]: paraphrases. The ladder's meanings follow the
 * TLAP ladder (seed 003, an OCR of conference slides: some of its words are garbled, so the phrases chosen are
 * whole there).
 */
const PARAPHRASES: readonly (readonly [string, string, string, Seed])[] = [
  ['coercion', 'made to attend', 'People who access services are made to attend', '003'],
  ['coercion', 'passive recipients', 'an event about services as passive recipients', '003'],
  ['coercion', 'not taken into account', 'are not taken into account', '003'],
  [
    'educating',
    'helped to understand how the service is designed and delivered',
    'nderstand the service design and delivery',
    '003',
  ],
  ['educating', 'and that is all', 'That &s all that is done at this stage', '003'],
  ['informing', 'told about the service and how it works', 'people about the services and explain how', '003'],
  ['informing', 'decisions already made and why', 'This may include telling people', '003'],
  ['consultation', 'surveys or meetings', 'surveys or attend meetings', '003'],
  ['consultation', 'tokenistic', 'be considered tokenistic if they do not have the', '003'],
  ['consultation', 'power to influence or change things', 'power to influence or affect change', '003'],
  [
    'engagement',
    'give their views and may influence some decisions',
    'express their views and may be able to influence',
    '003',
  ],
  ['engagement', 'as far as staff allow', 'responsible for services will allow', '003'],
  ['co-design', 'design the service from their experiences and ideas', 'experiences and ideas', '003'],
  [
    'co-design',
    'real influence but not over strategic decisions',
    'genuine influence but have not been involved in strategic decision-making',
    '003',
  ],
  ['co-production', 'equal partners with staff', 'Co-production is an equal relationship between people', '003'],
  ['co-production', 'how services are delivered', 'decisions about the best way to deliver services', '003'],
];

/** Activities the seeds name in passing (the upper rungs of the engagement log's "How were people involved?"). */
const NAMED_ACTIVITIES: readonly (readonly [string, string, Seed])[] = [
  ['project-group', 'working groups and committees', '001'],
  ['project-group', 'committees as lay representatives', '001'],
  ['interview-or-procurement-panel', 'interview panels', '001'],
  ['interview-or-procurement-panel', 'procurement panels', '004'],
  ['co-design-workshop', 'help co-design services', '001'],
];

/** The support a request can ask of the PPI team: each names what the strategy offers, in its words. */
const SUPPORT: readonly (readonly [string, string, string])[] = [
  ['patient-partners', 'Patient Partners', 'Patient Partners are members of the public who provide a patient or carer'],
  [
    'hospital-improvers',
    'Hospital Improvers',
    'both online interaction (via surveys, online voting etc.) and face to face involvement',
  ],
  ['community-engagement', 'Community engagement', 'community engagement programme'],
  ['improvement-workshop', 'Hospital Improvement workshop', '"Hospital Improvement" workshops'],
  ['healthwatch', 'Healthwatch', 'it will continue to seek input from local Healthwatch colleagues'],
  ['training', 'Training', 'on demand training for project teams'],
];

/** The directorates shipped (the toolkit's list of champions, a CCG's): each label carries the seed's heading. */
const APPENDIX_ONE: Readonly<Record<string, string>> = {
  coo: 'COO',
  're-design': 'Re-design',
  finance: 'Finance',
  contracts: 'Contracts',
  'clinical-quality': 'Clinical Quality',
  it: 'IT',
  pmo: 'PMO',
};

describe('strings taken from the source documents, as the seeds have them', () => {
  it.each(VERBATIM)('%s: “%s” (seed %s)', (_where, text, id) => {
    expect(inSeed(id, text), `not found in seed ${id}: ${text}`).toBe(true);
  });

  it.each(OPTION_LINES)('%s: each activity option is on the seed’s option line', (categoryId, line) => {
    expect(inSeed('004', line)).toBe(true);
    const options = findChoice(referenceData.engagementCategories, categoryId)?.activityOptions ?? [];
    const seedOptions = line.toLowerCase().split(', ');
    const fromSeed = options.filter((o) => seedOptions.includes(o.label.toLowerCase()));
    expect(fromSeed.map((o) => o.label.toLowerCase())).toEqual(seedOptions);
  });

  it.each(PARAPHRASES)('ladder %s: “%s” follows the seed’s “%s”', (rungId, product, seedWords, id) => {
    expect(inSeed(id, seedWords), `not in seed ${id}: ${seedWords}`).toBe(true);
    expect(findChoice(referenceData.ladderRungs, rungId)?.hint).toContain(product);
  });

  it('names every rung as the TLAP ladder does (the OCR lost “Coercion”: it is “the bottom rung”)', () => {
    for (const rung of referenceData.ladderRungs.filter((r) => r.id !== 'coercion')) {
      expect(inSeed('003', rung.label, { caseless: true }), rung.label).toBe(true);
    }
    expect(inSeed('003', 'This is the bottom rung of the ladder.')).toBe(true);
    expect(referenceData.ladderRungs[0]?.id).toBe('coercion');
  });

  it('aims for the upper three rungs and offers the ladder from one-way communication (Informing) up', () => {
    expect(inSeed('000', 'increasingly pitched in the upper three rungs of the ladder diagram')).toBe(true);
    expect(inSeed('000', 'The model ranges from one - way communication with patients')).toBe(true);
    expect(inSeed('000', 'situated across the top three "rungs" of the Ladder of Engagement model')).toBe(true);
    expect(referenceData.ladderRungs.filter((r) => r.topThree)).toHaveLength(3);
    expect(referenceData.plannableRungs[0]?.label).toBe('Informing');
  });

  it.each(NAMED_ACTIVITIES)('involving: %s follows the seed’s “%s” (seed %s)', (optionId, seedWords, id) => {
    expect(inSeed(id, seedWords), `not in seed ${id}: ${seedWords}`).toBe(true);
    const options = findChoice(referenceData.engagementCategories, 'involving')?.activityOptions ?? [];
    expect(options.map((o) => o.id)).toContain(optionId);
  });

  it.each(SUPPORT)('support option %s: “%s” is what the strategy offers (“%s”)', (id, words, seedWords) => {
    expect(inSeed('000', seedWords, { caseless: true }), `not in seed 000: ${seedWords}`).toBe(true);
    expect(findChoice(referenceData.ppiSupportOptions, id)?.label.toLowerCase()).toContain(words.toLowerCase());
  });

  it.each(Object.entries(APPENDIX_ONE))('directorate %s carries the list of champions’ heading “%s”', (id, heading) => {
    expect(seed('004')).toMatch(new RegExp(`(^|\\s)${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+- `));
    expect(findChoice(referenceData.directorates, id)?.label).toContain(heading);
  });

  it('lists the seldom-heard groups the commissioner names (and Carers, which DOMAIN.md adds)', () => {
    const text = seed('002');
    const section = text
      .slice(text.indexOf('Reaching different groups'), text.indexOf('We consider these groups'))
      .toLowerCase();
    expect(section.length).toBeGreaterThan(100);
    for (const group of referenceData.seldomHeardGroups) {
      // The seed writes "services users"; the product corrects it.
      const asSeedHasIt = group.label.replace('service users', 'services users').toLowerCase();
      expect(section.includes(asSeedHasIt), group.label).toBe(group.id !== 'carers');
    }
  });

  it('asks champions for two from each directorate, buddies from outside it, and a catch-up of ideas, challenges and achievements', () => {
    expect(inSeed('004', 'support two members from each of their directorates')).toBe(true);
    expect(CHAMPIONS_PER_DIRECTORATE).toBe(2);
    expect(inSeed('004', 'buddied with another partnership champion from outside your directorate')).toBe(true);
    expect(inSeed('004', 'ideas, challenges and achievements')).toBe(true);
    expect(JSON.stringify(template)).toContain('Ideas, challenges and achievements');
  });

  it('flags a late request because the strategy wants involvement at the very beginning', () => {
    expect(inSeed('000', 'mandated at the very beginning of a project')).toBe(true);
    expect(inSeed('000', 'involved too late in to the life of a project')).toBe(true);
  });
});

describe('the copies of the source documents', () => {
  const shared = '/work/shared/seeds';
  // Runs only where the team's shared folder exists (not on a clean CI clone): the copies in docs/sources/ are what
  // every other test here reads, and this checks them against the originals when those are at hand.
  it.runIf(existsSync(shared))('are the seeds as published to the team', () => {
    for (const file of readdirSync(shared)) {
      expect(readFileSync(`${SOURCES}/${file}`, 'utf8'), file).toBe(readFileSync(`${shared}/${file}`, 'utf8'));
    }
  });
});
