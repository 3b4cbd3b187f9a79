import { describe, expect, it } from 'vitest';
import { directorateList, directoratesEver, idFor } from '../../../src/directorates/domain/directorate-list.js';
import { findDirectorate } from '../../../src/directorates/domain/find-directorate.js';

const defaults = [
  { id: 'finance', label: 'Finance' },
  { id: 'pmo', label: 'Programme Management Office (PMO)' },
];
const row = (id: string, label: string, retired: boolean) => ({ id, label, retired, changedBy: 'a', changedAt: 'x' });

describe('the directorates list', () => {
  it('applies the admins’ changes to the defaults: retired ones go, additions come last', () => {
    const list = directorateList(defaults, [
      row('digital', 'Digital Services', false),
      row('finance', 'Finance', true),
    ]);
    expect(list).toEqual([
      { id: 'pmo', label: 'Programme Management Office (PMO)' },
      { id: 'digital', label: 'Digital Services' },
    ]);
    expect(directorateList(defaults, [row('finance', 'Finance and Estates', false)])[0]?.label).toBe(
      'Finance and Estates',
    );
  });

  it('keeps retired directorates, marked, for old records and reports', () => {
    expect(
      directoratesEver(defaults, [row('digital', 'Digital Services', false), row('finance', 'Finance', true)]),
    ).toEqual([
      { id: 'finance', label: 'Finance', retired: true },
      { id: 'pmo', label: 'Programme Management Office (PMO)', retired: false },
      { id: 'digital', label: 'Digital Services', retired: false },
    ]);
  });

  it('gives a new directorate an id from its name', () => {
    expect(idFor('Digital Services!')).toBe('digital-services');
    expect(idFor('!!!')).toBe('');
  });

  it('finds a directorate by id, name or abbreviation, ignoring case, punctuation and "the"', () => {
    expect(findDirectorate(defaults, 'the FINANCE')?.id).toBe('finance');
    expect(findDirectorate(defaults, 'pmo')?.id).toBe('pmo');
    expect(findDirectorate(defaults, 'programme')?.id).toBe('pmo');
    expect(findDirectorate(defaults, 'Astrology')).toBeUndefined();
    expect(findDirectorate(defaults, '')).toBeUndefined();
  });
});
