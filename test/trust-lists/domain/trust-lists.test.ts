import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../../src/reference-data/reference-data.js';
import { findEntry } from '../../../src/trust-lists/domain/find-entry.js';
import {
  addEntry,
  renameEntry,
  retireEntry,
  splitRename,
  tidyName,
} from '../../../src/trust-lists/domain/list-changes.js';
import { entriesOf, idFor, labelFrom, offered } from '../../../src/trust-lists/domain/list-entries.js';

const defaults: ListEntry[] = [
  { id: 'finance', label: 'Finance', retired: false },
  { id: 'pmo', label: 'Programme Management Office (PMO)', retired: false },
  { id: 'patient-safety', label: 'Patient safety', retired: true },
];
const row = (id: string, label: string, retired: boolean) => ({ id, label, retired, changedBy: 'a', changedAt: 'x' });
const by = { by: 'admin', at: '2026-12-01T10:00:00.000Z' };

describe('a list the PPI team keeps', () => {
  it('applies the admins’ changes to the defaults: additions last, renames in place, retired ones marked', () => {
    const entries = entriesOf(defaults, [
      row('digital', 'Digital Services', false),
      row('finance', 'Finance and Estates', false),
      row('pmo', 'Programme Management Office (PMO)', true),
    ]);
    expect(entries).toEqual([
      { id: 'finance', label: 'Finance and Estates', retired: false },
      { id: 'pmo', label: 'Programme Management Office (PMO)', retired: true },
      { id: 'patient-safety', label: 'Patient safety', retired: true },
      { id: 'digital', label: 'Digital Services', retired: false },
    ]);
    expect(offered(entries)).toEqual([
      { id: 'finance', label: 'Finance and Estates' },
      { id: 'digital', label: 'Digital Services' },
    ]);
  });

  it('names an id everywhere: retired entries keep their name, unknown ones say so', () => {
    expect(labelFrom(defaults, 'patient-safety')).toBe('Patient safety (retired)');
    expect(labelFrom(defaults, 'gone')).toBe('Not on the list: “gone”');
    expect(labelFrom(defaults, 'gone', 'Old Name')).toBe('Old Name (no longer on the list)');
    expect(labelFrom(defaults, undefined)).toBe('Not given');
  });

  it('gives a new entry an id from its name', () => {
    expect(idFor('Digital Services!')).toBe('digital-services');
    expect(idFor('!!!')).toBe('');
    expect(idFor(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('finds an entry by id, name or abbreviation, ignoring case, punctuation and "the"', () => {
    expect(findEntry(defaults, 'the FINANCE')?.id).toBe('finance');
    expect(findEntry(defaults, 'pmo')?.id).toBe('pmo');
    expect(findEntry(defaults, 'programme')?.id).toBe('pmo');
    expect(findEntry(defaults, 'Astrology')).toBeUndefined();
    expect(findEntry(defaults, '')).toBeUndefined();
  });
});

describe('the admins’ changes', () => {
  it('adds a new entry, tidied, with a free id', () => {
    expect(addEntry(defaults, '  Digital   Services ', by)).toEqual({
      kind: 'save',
      outcome: 'added',
      row: { id: 'digital-services', label: 'Digital Services', retired: false, changedBy: 'admin', changedAt: by.at },
    });
    const long = `${'Community services for older people in the north of the county'} east`;
    const first = addEntry(defaults, long, by);
    expect(first).toMatchObject({ row: { id: 'community-services-for-older-people-in-the-north-of-the-coun' } });
    const taken = [...defaults, { id: first.kind === 'save' ? first.row.id : '', label: long, retired: false }];
    expect(addEntry(taken, long.replace(/east$/, 'west'), by)).toMatchObject({
      row: { id: 'community-services-for-older-people-in-the-north-of-the-coun-2' },
    });
  });

  it('brings a retired entry back by its name, and says an offered one is already there', () => {
    expect(addEntry(defaults, 'patient safety', by)).toMatchObject({
      outcome: 'restored',
      row: { id: 'patient-safety', label: 'patient safety', retired: false },
    });
    expect(addEntry(defaults, 'Finance', by)).toMatchObject({ kind: 'refuse', reason: 'exists' });
  });

  it('refuses an empty or over-long name, and one holding personal data (naming the kind only)', () => {
    expect(addEntry(defaults, '!!!', by)).toEqual({ kind: 'refuse', reason: 'no-name' });
    expect(addEntry(defaults, 'x'.repeat(81), by)).toEqual({ kind: 'refuse', reason: 'no-name' });
    expect(addEntry(defaults, 'Call 07700 900123', by)).toEqual({
      kind: 'refuse',
      reason: 'personal-data',
      findings: [{ kind: 'phone-number' }],
    });
    expect(renameEntry(defaults, 'Finance', 'Ward SW1A 1AA', by)).toMatchObject({ reason: 'personal-data' });
  });

  it('renames in place, keeping the id and whether it is retired', () => {
    expect(renameEntry(defaults, 'finance', 'Finance and Estates', by)).toMatchObject({
      kind: 'save',
      outcome: 'renamed',
      row: { id: 'finance', label: 'Finance and Estates', retired: false },
      before: { label: 'Finance' },
    });
    expect(renameEntry(defaults, 'Finance', 'Finance', by)).toEqual({ kind: 'refuse', reason: 'same-name' });
    expect(renameEntry(defaults, 'Finance', 'patient safety', by)).toMatchObject({ reason: 'exists' });
    expect(renameEntry(defaults, 'Astrology', 'Stars', by)).toEqual({ kind: 'refuse', reason: 'not-found' });
  });

  it('retires an entry, but never the last one offered', () => {
    expect(retireEntry(defaults, 'Finance', by)).toMatchObject({ outcome: 'retired', row: { retired: true } });
    expect(retireEntry(defaults, 'Patient safety', by)).toMatchObject({ reason: 'already-retired' });
    const one = [defaults[0] as ListEntry, defaults[2] as ListEntry];
    expect(retireEntry(one, 'Finance', by)).toMatchObject({ reason: 'last-entry' });
  });

  it('reads "rename A to B" when names hold " to " themselves', () => {
    const entries = [...defaults, { id: 'back-to-work', label: 'Back to Work', retired: false }];
    expect(splitRename(entries, 'Back to Work to Return to Work')).toEqual({
      from: 'Back to Work',
      to: 'Return to Work',
    });
    expect(splitRename(entries, 'Finance to Money')).toEqual({ from: 'Finance', to: 'Money' });
    expect(splitRename(entries, 'Finance')).toBeUndefined();
    expect(tidyName(' a \n b ')).toBe('a b');
  });
});
