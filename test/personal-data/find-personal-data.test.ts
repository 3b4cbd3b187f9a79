import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePersonalData } from '../../src/personal-data/describe-personal-data.js';
import { findPersonalData, passesModulus11 } from '../../src/personal-data/find-personal-data.js';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

describe('findPersonalData', () => {
  it.each([
    ['NHS number 943 476 5919', 'nhs-number'],
    ['nhs no 4010232137', 'nhs-number'],
    ['ref 943-476-5919.', 'nhs-number'],
    ['call 07700 900123', 'phone-number'],
    ['+44 7700 900123', 'phone-number'],
    ['(020) 7946 0958', 'phone-number'],
    ['01632 960 001', 'phone-number'],
    ['0800 123 4567', 'phone-number'],
    ['write to jo.bloggs@nhs.net', 'email'],
    ['lives at SW1A 1AA', 'postcode'],
    ['LE1 5WW', 'postcode'],
    ['m11ae', 'postcode'],
    ['DN55 1PT', 'postcode'],
  ])('flags %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    '943 476 5918 is not a valid NHS number',
    'In 2026 we met 12 people over 42 days',
    'Meeting on 2026-11-22 at 09:30',
    'Budget £12,500 for 3 events',
    'The M1 corridor and ward 7',
    'email the PPI team @ the usual place',
    'Cohort of 1234567890 steps',
  ])('does not flag %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('never names the matched text in a finding', () => {
    const findings = findPersonalData('943 476 5919 jo@example.com');
    expect(JSON.stringify(findings)).not.toContain('943');
    expect(JSON.stringify(findings)).not.toContain('jo@');
  });

  it('flags ten-digit numbers as NHS numbers exactly when they pass modulus 11', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{9}$/), (digits) => {
        expect(kinds(`number ${digits} here`).includes('nhs-number')).toBe(passesModulus11(digits));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => Array.isArray(findPersonalData(text))),
    );
  });

  it('stays linear on 100,000 adversarial characters', () => {
    const inputs = ['a'.repeat(100_000), `${'a.'.repeat(50_000)}@`, '0 '.repeat(50_000), `${'@a'.repeat(50_000)}`];
    for (const text of inputs) expect(Array.isArray(findPersonalData(text))).toBe(true);
  });

  it('describes findings in one plain sentence', () => {
    expect(describePersonalData([{ kind: 'nhs-number' }, { kind: 'email' }])).toBe(
      'This looks like it contains an NHS number and an email address. Please remove patient-identifiable details — nothing has been saved.',
    );
  });
});
