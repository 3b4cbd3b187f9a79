import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePersonalData } from '../../src/personal-data/describe-personal-data.js';
import { findPersonalData, passesModulus11 } from '../../src/personal-data/find-personal-data.js';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

/** An independent statement of the NHS number check digit, to test the finder against. */
function oracleCheckDigit(nine: string): number | undefined {
  const sum = [...nine].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}
const oracleIsNhsNumber = (ten: string) => oracleCheckDigit(ten.slice(0, 9)) === Number(ten[9]);
/** The guard skips one digit ten times (0000000000): it passes modulus 11 but is a placeholder. */
const oracleIsPatientNumber = (ten: string) => oracleIsNhsNumber(ten) && !/^(\d)\1{9}$/.test(ten);

const tenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 });
const validNhsNumber = fc
  .string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 })
  .filter((nine) => oracleCheckDigit(nine) !== undefined)
  .map((nine) => `${nine}${oracleCheckDigit(nine)}`)
  .filter(oracleIsPatientNumber);
const grouped = (ten: string, sep: string) => `${ten.slice(0, 3)}${sep}${ten.slice(3, 6)}${sep}${ten.slice(6)}`;

describe('passesModulus11', () => {
  it.each([
    ['9434765919', true],
    ['4010232137', true],
    ['9434765918', false],
    ['1234567890', false], // the check digit would be 10, so no number starting 123456789 is valid
    ['0000000000', true], // 11 - 0 = 11, which counts as 0
    ['943476591', false],
    ['94347659190', false],
    ['943 476 5919', false], // digits only
  ])('%s → %s', (digits, expected) => {
    expect(passesModulus11(digits)).toBe(expected);
  });

  it('agrees with an independent statement of the rule', () => {
    fc.assert(
      fc.property(tenDigits, (ten) => passesModulus11(ten) === oracleIsNhsNumber(ten)),
      { numRuns: 5000 },
    );
  });
});

describe('findPersonalData', () => {
  describe('NHS numbers', () => {
    it.each([
      'NHS number 943 476 5919',
      'nhs no 4010232137',
      'ref 943-476-5919.',
      '401 023 2137',
      'patient (9434765919) seen',
      'NHS:401-023-2137,',
      '9434 76 5919', // any grouping
    ])('flags %j', (text) => {
      expect(kinds(text)).toContain('nhs-number');
    });

    it.each([
      '943 476 5918', // fails the check digit
      '943 476 5918 is not a valid NHS number',
      'Cohort of 1234567890 steps',
      '94347659190', // eleven digits
      '19434765919', // eleven digits
      '943 476 591', // nine digits
      '000 000 0000', // passes modulus 11, but a placeholder
      '22/11/2026 10 people', // 2-2-4-2 with mixed separators: a date and a count
    ])('does not flag %j as an NHS number', (text) => {
      expect(kinds(text)).not.toContain('nhs-number');
    });

    it('flags a ten-digit number exactly when it passes modulus 11, however it is grouped', () => {
      fc.assert(
        fc.property(
          tenDigits,
          fc.constantFrom('', ' ', '-'),
          fc.constantFrom('', 'NHS ', 'no. '),
          (ten, sep, before) => {
            const found = kinds(`${before}${grouped(ten, sep)} here`).includes('nhs-number');
            expect(found).toBe(oracleIsPatientNumber(ten));
          },
        ),
        { numRuns: 3000 },
      );
    });

    it('flags every valid NHS number, wherever it sits in the text', () => {
      fc.assert(
        fc.property(validNhsNumber, fc.constantFrom('', ' ', '-'), fc.string(), fc.string(), (ten, sep, a, b) => {
          expect(kinds(`${a} ${grouped(ten, sep)} ${b}`)).toContain('nhs-number');
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('phone numbers', () => {
    it.each([
      'call 07700 900123',
      '07700900123',
      '07700 900 123',
      '07700-900-123',
      '+44 7700 900123',
      '+447700900123',
      '+44 (0)7700 900123',
      '+44 (0) 20 7946 0958',
      '+44-20-7946-0958',
      '0044 7700 900123',
      '(020) 7946 0958',
      '(020)7946 0958',
      '020 7946 0958',
      '020-7946-0958',
      '01632 960001',
      '01632 960 001',
      '0161 496 0000',
      '0161-496-0000',
      '016977 2345',
      '0800 123 4567',
      '0800 123456',
      '0345 678 9012',
      'Ring 07700 900123 12 times', // a count straight after the number
      'tel:07700 900123.',
      'mobile 07700\u00a0900123',
    ])('flags %j', (text) => {
      expect(kinds(text)).toContain('phone-number');
    });

    it.each([
      '2026',
      'In 2026 we met 12 people over 42 days',
      'Meeting on 2026-11-22 at 09:30',
      '2026-11-22T09:30:00Z',
      'On 01-02-2026 there were 10 people',
      '01/02/2026 and 22/11/2026',
      'Budget £12,500 for 3 events',
      '£1,250,000.00 over 5 years',
      '£0.50 each',
      'Ward 07 and ward 08',
      'Room 007',
      'Clinic 0930-1230 and 1400-1600',
      'version 1.2.3 and 0.10.0',
      'A reference 12345678901234',
      '44 people said +44 was the code',
      '07700 90012', // too short for a mobile
      '07700 9001234', // too long
      '0 7 7 0 0 9 0 0 1 2 3',
    ])('does not flag %j as a phone number', (text) => {
      expect(kinds(text)).not.toContain('phone-number');
    });
  });

  describe('email addresses', () => {
    it.each([
      'write to jo.bloggs@nhs.net',
      'JO@EXAMPLE.CO.UK',
      "o'neill+ppi@trust.nhs.uk.",
      'mail:a@b.org',
      '<first_last@sub.domain-name.org>',
    ])('flags %j', (text) => {
      expect(kinds(text)).toContain('email');
    });

    it.each([
      'email the PPI team @ the usual place',
      '@PPI Team please look',
      'jo@localhost',
      'user@',
      '@example.com',
      'see you @ 3pm',
      'jo@example.c',
    ])('does not flag %j', (text) => {
      expect(kinds(text)).not.toContain('email');
    });
  });

  describe('postcodes', () => {
    it.each([
      'lives at SW1A 1AA',
      'sw1a1aa',
      'M1 1AE',
      'm11ae',
      'B33 8TH',
      'CR2 6XH',
      'DN55 1PT',
      'EC1A 1BB',
      'ec1a 1bb',
      'W1A 0AX',
      'LE1 5WW',
      'GIR 0AA',
      '(LE5 4PW).',
    ])('flags %j', (text) => {
      expect(kinds(text)).toContain('postcode');
    });

    it.each([
      'The M1 corridor',
      'M1',
      'SW1A',
      'Outward code LE1 only',
      'Ward B1 2nd floor',
      'A1 3rd junction',
      'Vitamin B12 levels',
      'covid19 1aa',
      'SW1A 1AAA',
      'QA1 1AA', // Q never starts a postcode
      'M1 1CV', // C and V are never in the inward code
    ])('does not flag %j', (text) => {
      expect(kinds(text)).not.toContain('postcode');
    });
  });

  it.each([
    'Thank you to the 12 patients who came to the focus group on 22 November 2026.',
    'The ward moved from level 3 to level 5; waiting times fell by 42 days (from 90 to 48).',
    'We spent £2,400 on venues and 10% on interpreting. See https://www.leicestershospitals.nhs.uk/ppi.',
    'Patients said: "the M1 is a nightmare to park near". We did: a shuttle bus from 07:00.',
  ])('finds nothing in ordinary project text: %j', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('reports each kind once, in a fixed order, and never the matched text', () => {
    const text = 'jo@example.com 943 476 5919 07700 900123 LE1 5WW 401 023 2137 sam@example.org';
    const findings = findPersonalData(text);
    expect(findings).toEqual([
      { kind: 'nhs-number' },
      { kind: 'phone-number' },
      { kind: 'email' },
      { kind: 'postcode' },
    ]);
    for (const finding of findings) expect(Object.keys(finding)).toEqual(['kind']);
    const serialised = JSON.stringify(findings);
    for (const part of ['943', '5919', '07700', 'jo@', 'example', 'LE1']) expect(serialised).not.toContain(part);
  });

  it('never throws, and only ever reports the four kinds', () => {
    const likely = fc.string({ unit: fc.constantFrom(...'0123456789 -()+@.aAzZ\u00a0'), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), likely), (text) => {
        for (const { kind } of findPersonalData(text)) {
          expect(['nhs-number', 'phone-number', 'email', 'postcode']).toContain(kind);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('stays linear on 100,000 adversarial characters and still sees what comes after them', () => {
    const n = 100_000;
    const adversarial = [
      'a'.repeat(n),
      '0'.repeat(n),
      '9'.repeat(n),
      '0 '.repeat(n / 2),
      '0-'.repeat(n / 2),
      '00 '.repeat(n / 3),
      '07700 '.repeat(n / 6),
      '(0'.repeat(n / 2),
      '+44 '.repeat(n / 4),
      '+44 (0)'.repeat(n / 7),
      '943 476 '.repeat(n / 8),
      `${'a.'.repeat(n / 2)}@`,
      `a@${'a.'.repeat(n / 2)}`,
      `a@${'a-'.repeat(n / 2)}`,
      `a@${'.'.repeat(n)}x`,
      '@a'.repeat(n / 2),
      'a@'.repeat(n / 2),
      'a@a.'.repeat(n / 4),
      'SW1A '.repeat(n / 5),
      'A1A1'.repeat(n / 4),
      ' '.repeat(n),
    ];
    for (const text of adversarial) {
      expect(findPersonalData(text), text.slice(0, 12)).toEqual([]);
      expect(kinds(`${text} ok 943 476 5919`), text.slice(0, 12)).toContain('nhs-number');
      expect(kinds(`${text} ok jo@example.com`), text.slice(0, 12)).toContain('email');
    }
  });
});

describe('describePersonalData', () => {
  it('names what was found in one plain sentence, says it was hidden and that nothing was stored', () => {
    expect(describePersonalData([{ kind: 'nhs-number' }, { kind: 'email' }])).toBe(
      'This looks like it contains an NHS number and an email address, so I have hidden them (•••) in what you typed. ' +
        'Please remove patient-identifiable details before saving — nothing has been stored.',
    );
    expect(describePersonalData([{ kind: 'email' }])).toContain('so I have hidden it (•••)');
  });

  it('does not speak of hiding where nothing is shown back', () => {
    expect(describePersonalData([{ kind: 'phone-number' }], { shownMasked: false })).toBe(
      'This looks like it contains a phone number. ' +
        'Please remove patient-identifiable details before saving — nothing has been stored.',
    );
  });

  it.each([
    [[{ kind: 'phone-number' }], 'a phone number'],
    [[{ kind: 'postcode' }], 'a full postcode'],
    [[{ kind: 'postcode' }, { kind: 'postcode' }], 'a full postcode'],
    [
      [{ kind: 'nhs-number' }, { kind: 'phone-number' }, { kind: 'email' }, { kind: 'postcode' }],
      'an NHS number, a phone number, an email address and a full postcode',
    ],
    [[], 'patient-identifiable details'],
  ] as const)('describes %j', (findings, what) => {
    expect(describePersonalData(findings, { shownMasked: false })).toBe(
      `This looks like it contains ${what}. ` +
        'Please remove patient-identifiable details before saving — nothing has been stored.',
    );
  });

  it('describes real findings without repeating the text', () => {
    const message = describePersonalData(findPersonalData('Call Jo on 07700 900123 or jo@example.com'));
    expect(message).toContain('a phone number and an email address');
    expect(message).not.toContain('07700');
  });
});
