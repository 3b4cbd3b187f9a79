import { describe, expect, it } from 'vitest';
import {
  type Choice,
  findChoice,
  type ListEntry,
  labelOf,
  readChoiceList,
  referenceData,
  rungChoices,
  surveyQuestion,
} from '../../src/reference-data/reference-data.js';

const lists = Object.entries(referenceData) as [string, readonly Choice[]][];

describe('referenceData', () => {
  it('has every list non-empty, with unique kebab-case ids and labels', () => {
    expect(lists.map(([name]) => name).sort()).toEqual([
      'assessmentCriteria',
      'directorates',
      'engagementCategories',
      'feedbackHowHeard',
      'feedbackSurvey',
      'ladderRungs',
      'patientPartnerRemit',
      'plannableRungs',
      'ppiSupportOptions',
      'protectedCharacteristics',
      'qualityPriorities',
      'seldomHeardGroups',
    ]);
    for (const [name, list] of lists) {
      expect(list.length, name).toBeGreaterThan(0);
      const ids = list.map((c) => c.id);
      expect(new Set(ids).size, `${name} ids are unique`).toBe(ids.length);
      for (const choice of list) {
        expect(choice.id, name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(choice.label.trim(), `${name}.${choice.id}`).not.toBe('');
        if (choice.hint !== undefined) expect(choice.hint.trim(), `${name}.${choice.id}`).not.toBe('');
      }
    }
  });

  it('lists the nine protected characteristics of the Equality Act 2010', () => {
    expect(referenceData.protectedCharacteristics.map((c) => c.id)).toEqual([
      'age',
      'disability',
      'gender-reassignment',
      'marriage-and-civil-partnership',
      'pregnancy-and-maternity',
      'race',
      'religion-or-belief',
      'sex',
      'sexual-orientation',
    ]);
  });

  it('has the seven ladder rungs bottom first, with exactly the top three marked, offered from Informing', () => {
    const rungs = referenceData.ladderRungs;
    expect(rungs.map((r) => r.id)).toEqual([
      'coercion',
      'educating',
      'informing',
      'consultation',
      'engagement',
      'co-design',
      'co-production',
    ]);
    expect(rungs.map((r) => r.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rungs.filter((r) => r.topThree).map((r) => r.id)).toEqual(['engagement', 'co-design', 'co-production']);
    expect(referenceData.plannableRungs.map((r) => r.id)).toEqual([
      'informing',
      'consultation',
      'engagement',
      'co-design',
      'co-production',
    ]);
    for (const rung of rungs) expect(rung.hint, rung.id).toMatch(/\.$/);
  });

  it('offers each rung with its one-line meaning', () => {
    expect(rungChoices()[0]).toEqual({
      id: 'informing',
      label: 'Informing: People are told about the service and how it works, including decisions already made and why.',
    });
    expect(rungChoices().map((c) => c.id)).not.toContain('coercion');
  });

  it('has the four engagement categories, each with one activity, one people and (after Informing) one feedback question', () => {
    const categories = referenceData.engagementCategories;
    expect(categories.map((c) => c.label)).toEqual([
      'Informing',
      'Engaging',
      'Involving',
      'Co-production (Partnership)',
    ]);
    for (const category of categories) {
      expect(category.activityQuestion, category.id).toMatch(/\?$/);
      expect(category.peopleQuestion, category.id).toMatch(/^How many/);
      if (category.activityOptions) expect(category.activityOptions.at(-1)?.id, category.id).toBe('other');
    }
    expect(categories.filter((c) => c.activityOptions).map((c) => c.id)).toEqual(['informing', 'involving']);
    expect(categories.filter((c) => !c.feedbackQuestion).map((c) => c.id)).toEqual(['informing']);
  });

  it('ships the Trust’s own lists with their earlier entries retired, still named, and at least one offered', () => {
    const offered = (list: readonly ListEntry[]) => list.filter((e) => !e.retired).map((e) => e.id);
    expect(offered(referenceData.qualityPriorities)).toEqual(['quality-strategy', 'not-linked']);
    expect(referenceData.qualityPriorities.filter((e) => e.retired).map((e) => e.id)).toEqual([
      'patient-safety',
      'clinical-effectiveness',
      'patient-experience',
      'other',
    ]);
    expect(offered(referenceData.feedbackHowHeard)).toEqual(['social-media', 'website', 'promotional-event']);
    expect(referenceData.directorates.every((d) => !d.retired)).toBe(true);
    expect(() =>
      readChoiceList('x', [{ id: 'a', label: 'A', retired: 'yes' }], (item, fail) =>
        typeof item.retired === 'boolean' ? {} : fail('has retired that is not true or false.'),
      ),
    ).toThrow('retired that is not true or false');
  });

  it('includes the seed lists the product relies on', () => {
    const ids = (list: readonly Choice[]) => list.map((c) => c.id);
    expect(ids(referenceData.directorates)).toEqual(
      expect.arrayContaining(['coo', 're-design', 'finance', 'contracts', 'clinical-quality', 'it', 'pmo']),
    );
    expect(ids(referenceData.seldomHeardGroups)).toEqual(
      expect.arrayContaining([
        'homeless-people',
        'gypsy-and-traveller',
        'refugees-and-asylum-seekers',
        'learning-disability',
        'drug-and-alcohol',
        'children-and-young-people',
        'carers',
      ]),
    );
    expect(ids(referenceData.ppiSupportOptions)).toEqual(
      expect.arrayContaining(['patient-partners', 'hospital-improvers', 'community-engagement', 'training']),
    );
    expect(ids(referenceData.feedbackSurvey)).toEqual(['how-heard', 'views', 'valued', 'impact', 'take-part-again']);
    expect(surveyQuestion('valued')).toMatchObject({ low: 'Not valued', high: 'Highly valued' });
    expect(() => surveyQuestion('nope')).toThrow('no question "nope"');
    expect(ids(referenceData.assessmentCriteria)).toEqual(['quality-strategy', 'ladder', 'patient-focus']);
    expect(ids(referenceData.patientPartnerRemit)).toEqual(['audits', 'patient-literature', 'routine-surveys']);
  });

  it('is frozen, lists and items alike', () => {
    expect(Object.isFrozen(referenceData)).toBe(true);
    for (const [, list] of lists) {
      expect(Object.isFrozen(list)).toBe(true);
      for (const choice of list) expect(Object.isFrozen(choice)).toBe(true);
    }
    expect(Object.isFrozen(referenceData.engagementCategories[0]?.activityOptions)).toBe(true);
  });
});

describe('findChoice and labelOf', () => {
  it('find a choice by id', () => {
    expect(findChoice(referenceData.ladderRungs, 'co-design')?.order).toBe(6);
    expect(findChoice(referenceData.directorates, 'nope')).toBeUndefined();
  });

  it('give the label, or the id itself when it is unknown', () => {
    expect(labelOf(referenceData.protectedCharacteristics, 'religion-or-belief')).toBe('Religion or belief');
    expect(labelOf(referenceData.directorates, 'retired-directorate')).toBe('retired-directorate');
  });
});

describe('readChoiceList', () => {
  it.each([
    ['not an array', { id: 'a', label: 'A' }, /data\/broken\.json must be a non-empty array/],
    ['an empty array', [], /data\/broken\.json must be a non-empty array/],
    ['a non-object item', ['a'], /data\/broken\.json is invalid at item 1: each choice must be an object/],
    [
      'a duplicate id',
      [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ],
      /item 2: id "a" is used more than once/,
    ],
    ['a non-kebab id', [{ id: 'Not Kebab', label: 'A' }], /item 1: id "Not Kebab" is not kebab-case/],
    ['a missing id', [{ label: 'A' }], /item 1: id undefined is not kebab-case/],
    ['an empty label', [{ id: 'a', label: '  ' }], /item 1: "a" has no label/],
    ['an empty hint', [{ id: 'a', label: 'A', hint: '' }], /item 1: "a" has an empty or non-text hint/],
  ])('throws an error naming the file for %s', (_, raw, message) => {
    expect(() => readChoiceList('broken', raw)).toThrow(message);
  });

  it('runs the extra check and names the item it fails on', () => {
    const readOrder = (item: Readonly<Record<string, unknown>>, fail: (problem: string) => never) =>
      typeof item.order === 'number' ? { order: item.order } : fail('needs an order.');
    expect(readChoiceList('ok', [{ id: 'a', label: 'A', order: 1 }], readOrder)).toEqual([
      { id: 'a', label: 'A', order: 1 },
    ]);
    expect(() => readChoiceList('rungs', [{ id: 'a', label: 'A' }], readOrder)).toThrow(
      'data/rungs.json is invalid at item 1: "a" needs an order.',
    );
  });

  it('keeps only known fields and a hint when given', () => {
    expect(readChoiceList('ok', [{ id: 'a', label: 'A', hint: 'Why', stray: 1 }])).toEqual([
      { id: 'a', label: 'A', hint: 'Why' },
    ]);
  });
});
