import fc from 'fast-check';
import type { PersonalDataKind } from '../../src/personal-data/find-personal-data.js';

/*
 * Generators of personal data written the way people paste it: Word and Outlook non-breaking spaces, tabs and line
 * ends, dots, dashes of every kind, groupings of every sort, zero-width and bidi characters, full-width and other
 * scripts' digits, in the middle of ordinary words. Each generated case carries the plain value it hides, so a test
 * can say the guard caught it and that the masked text no longer holds it.
 */

export interface PastedCase {
  readonly kind: PersonalDataKind;
  /** The whole text as pasted. */
  readonly text: string;
  /** The detail as plain ASCII digits (NHS, phone) or lower-case text (email, postcode), before any disguise. */
  readonly plain: string;
  readonly before: string;
  readonly after: string;
}

const DIGITS = '0123456789';
const digitString = (length: number) =>
  fc.string({ unit: fc.constantFrom(...DIGITS), minLength: length, maxLength: length });

/** The zero of a run of ten decimal digits in another script (each is 0..9 in order). */
export const DIGIT_ZEROS: readonly number[] = [
  0x30, // ASCII
  0xff10, // full-width
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0x0be6, // Tamil
  0x0e50, // Thai
  0x1040, // Myanmar
  0x1d7ce, // mathematical bold
  0x1d7d8, // mathematical double-struck
  0x1d7f6, // mathematical monospace
];

/** Zero-width, soft hyphen, byte-order mark and bidi characters that a paste can carry invisibly. */
export const FORMAT_CHARACTERS = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u00ad',
  '\ufeff',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202c',
  '\u2066',
  '\u2069',
  '\u061c',
];

const SPACES = [' ', '\u00a0', '\u202f', '\u2007', '\u2009', '\u3000', '\t', '\n', '\r\n'];
const DASHES = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\ufe63', '\uff0d'];
const OTHERS = ['.', '\uff0e', '\u00b7', '/', '\u2215', ' - ', ' \u2013 ', '  ', '\u00a0\u00a0', '\t\t'];
export const SEPARATORS = [...SPACES, ...DASHES, ...OTHERS];

const inScript = (digits: string, zero: number) =>
  [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');

/** The digits in one script, or each digit in its own script. */
const disguiseDigits = (digits: string) =>
  fc.oneof(
    fc.constantFrom(...DIGIT_ZEROS).map((zero) => inScript(digits, zero)),
    fc
      .array(fc.constantFrom(...DIGIT_ZEROS), { minLength: digits.length, maxLength: digits.length })
      .map((zeros) => [...digits].map((d, i) => String.fromCodePoint((zeros[i] ?? 0x30) + Number(d))).join('')),
  );

/** Puts zero to three invisible characters at random places (never inside a surrogate pair). */
export const sprinkleInvisible = (text: string) =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FORMAT_CHARACTERS)), { maxLength: 3 }).map((inserts) => {
    const chars = [...text];
    for (const [at, c] of inserts) chars.splice(at % (chars.length + 1), 0, c);
    return chars.join('');
  });

/** Splits digits (one code point each, in any script) into groups joined by the given separators. */
const groupCodePoints = (disguised: string, sizes: readonly number[], seps: readonly string[]) => {
  const points = [...disguised];
  let at = 0;
  return sizes
    .map((size, i) => {
      const group = points.slice(at, at + size).join('');
      at += size;
      return i === 0 ? group : `${seps[i - 1] ?? ''}${group}`;
    })
    .join('');
};

function checkDigit(nine: string): number | undefined {
  const sum = [...nine].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

/** Ten digits passing modulus 11 (not one digit ten times, which the guard treats as a placeholder). */
export const validNhsNumber = digitString(9)
  .filter((nine) => checkDigit(nine) !== undefined)
  .map((nine) => `${nine}${checkDigit(nine)}`)
  .filter((ten) => !/^(\d)\1{9}$/.test(ten));

/** Ten digits failing modulus 11. */
export const invalidTenDigits = digitString(10).filter((ten) => {
  const check = checkDigit(ten.slice(0, 9));
  return check === undefined || check !== Number(ten[9]);
});

/** How people group ten digits; the same separator between groups, or 3-3-4 with any mix of spaces and dashes. */
export const NHS_GROUPINGS: readonly (readonly number[])[] = [
  [10],
  [3, 3, 4],
  [4, 3, 3],
  [2, 4, 4],
  [3, 4, 3],
  [4, 4, 2],
  [5, 5],
  [4, 6],
  [6, 4],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
];

const sameSeparator = (count: number) =>
  fc.constantFrom(...SEPARATORS).map((sep) => Array.from({ length: count }, () => sep));
const mixedSpaceOrDash = fc.array(fc.constantFrom(' ', '\u00a0', '\t', '-', '\u2013', '\u2011', ' - '), {
  minLength: 2,
  maxLength: 2,
});

export const digitGrouping = (digits: string) =>
  fc
    .oneof(
      fc.constantFrom(...NHS_GROUPINGS).chain((sizes) => fc.tuple(fc.constant(sizes), sameSeparator(sizes.length - 1))),
      fc.tuple(fc.constant([3, 3, 4] as readonly number[]), mixedSpaceOrDash),
    )
    .chain(([sizes, seps]) => disguiseDigits(digits).map((d) => groupCodePoints(d, sizes, seps)));

export const WORDS_BEFORE = [
  '',
  'NHS number ',
  'NHS no: ',
  'NHS No. ',
  'Patient ',
  'Mrs X (',
  'ref: ',
  'seen today, ',
  '\n',
];
export const WORDS_AFTER = [
  '',
  ' was seen',
  '.',
  ')',
  ', discharged',
  ' – please call back',
  '\n',
  ' said the signs were poor',
];

/** Ordinary words either side, sometimes random text (kept apart by a space, as a pasted value is). */
const surroundings = fc.tuple(
  fc.oneof(
    fc.constantFrom(...WORDS_BEFORE),
    fc.string({ maxLength: 30 }).map((s) => `${s} `),
  ),
  fc.oneof(
    fc.constantFrom(...WORDS_AFTER),
    fc.string({ maxLength: 30 }).map((s) => ` ${s}`),
  ),
);

function inText(kind: PersonalDataKind, plain: string, disguised: fc.Arbitrary<string>): fc.Arbitrary<PastedCase> {
  return fc
    .tuple(disguised.chain(sprinkleInvisible), surroundings)
    .map(([value, [before, after]]) => ({ kind, text: `${before}${value}${after}`, plain, before, after }));
}

export const pastedNhsNumber = validNhsNumber.chain((ten) => inText('nhs-number', ten, digitGrouping(ten)));

/* Phone numbers: a national number (with its area code) written nationally or internationally. */
const PHONE_PLANS: readonly { prefix: string; rest: number; groupings: readonly (readonly number[])[] }[] = [
  { prefix: '07', rest: 9, groupings: [[5, 6], [5, 3, 3], [11], [4, 3, 4], [3, 4, 4]] },
  { prefix: '020', rest: 8, groupings: [[3, 4, 4], [3, 8], [11]] },
  { prefix: '0161', rest: 7, groupings: [[4, 3, 4], [4, 7], [11]] },
  { prefix: '01632', rest: 6, groupings: [[5, 6], [5, 3, 3], [11]] },
  { prefix: '0800', rest: 6, groupings: [[4, 6], [4, 3, 3], [10]] },
  { prefix: '0345', rest: 7, groupings: [[4, 3, 4], [11]] },
];
const PHONE_SEPARATORS = [...SPACES.filter((s) => s !== '\n' && s !== '\r\n'), ...DASHES, '.', '\uff0e', ' - ', '  '];

type PhoneStyle = 'national' | 'bracketed-area' | '+44' | '+44 glued' | '+44 (0)' | '0044' | '(+44)' | 'full-width +44';
const PHONE_STYLES: readonly PhoneStyle[] = [
  'national',
  'bracketed-area',
  '+44',
  '+44 glued',
  '+44 (0)',
  '0044',
  '(+44)',
  'full-width +44',
];

function writePhone(style: PhoneStyle, grouped: string, firstGroup: string, sep: string): string {
  const withoutZero = [...grouped].slice(1).join('');
  switch (style) {
    case 'national':
      return grouped;
    case 'bracketed-area':
      return `(${firstGroup})${grouped.slice(firstGroup.length)}`;
    case '+44':
      return `+44${sep}${withoutZero}`;
    case '+44 glued':
      return `+44${withoutZero}`;
    case '+44 (0)':
      return `+44 (0)${withoutZero}`;
    case '0044':
      return `0044${sep}${withoutZero}`;
    case '(+44)':
      return `(+44) ${withoutZero}`;
    case 'full-width +44':
      return `\uff0b\uff14\uff14${sep}${withoutZero}`;
  }
}

export const pastedPhoneNumber = fc
  .constantFrom(...PHONE_PLANS)
  .chain((plan) =>
    fc.tuple(
      digitString(plan.rest).map((rest) => `${plan.prefix}${rest}`),
      fc.constantFrom(...plan.groupings),
      fc.constantFrom(...PHONE_SEPARATORS),
      fc.constantFrom(...PHONE_STYLES),
      fc.constantFrom(...DIGIT_ZEROS),
    ),
  )
  .chain(([national, sizes, sep, style, zero]) => {
    const seps = Array.from({ length: sizes.length - 1 }, () => sep);
    const disguised = inScript(national, zero);
    const grouped = groupCodePoints(disguised, sizes, seps);
    const firstGroup = [...disguised].slice(0, sizes[0]).join('');
    const spaced = style === 'bracketed-area' && sizes.length === 1 ? 'national' : style;
    return inText('phone-number', national, fc.constant(writePhone(spaced, grouped, firstGroup, sep)));
  });

/* Email addresses. */
const LOCALS = ['jo', 'jo.bloggs', 'j.smith', "o'neill", 'sam_jones', 'pat+ppi', 'a.b.c', 'mary.ann2', 'x'];
const DOMAINS = [
  'nhs.net',
  'trust.nhs.uk',
  'mft.nhs.uk',
  'leicester.gov.uk',
  'example.co.uk',
  'gmail.com',
  'hotmail.co.uk',
  'btinternet.com',
  'uni.ac.uk',
];
type EmailStyle = 'plain' | 'spaced @' | 'full-width' | 'small @' | '(at)' | '[at]' | 'spelled' | 'upper' | 'nbsp @';
const EMAIL_STYLES: readonly EmailStyle[] = [
  'plain',
  'spaced @',
  'full-width',
  'small @',
  '(at)',
  '[at]',
  'spelled',
  'upper',
  'nbsp @',
];
const toFullWidth = (text: string) =>
  [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.charCodeAt(0) - 0x21 + 0xff01) : c)).join('');

function writeEmail(style: EmailStyle, local: string, domain: string): string {
  switch (style) {
    case 'plain':
      return `${local}@${domain}`;
    case 'spaced @':
      return `${local} @ ${domain}`;
    case 'full-width':
      return toFullWidth(`${local}@${domain}`);
    case 'small @':
      return `${local}\ufe6b${domain}`;
    case '(at)':
      return `${local} (at) ${domain}`;
    case '[at]':
      return `${local}[at]${domain.replace(/\./g, '[dot]')}`;
    case 'spelled':
      return `${local} at ${domain.replace(/\./g, ' dot ')}`;
    case 'upper':
      return `${local}@${domain}`.toUpperCase();
    case 'nbsp @':
      return `${local}\u00a0@\u00a0${domain}`;
  }
}

export const pastedEmail = fc
  .tuple(fc.constantFrom(...LOCALS), fc.constantFrom(...DOMAINS), fc.constantFrom(...EMAIL_STYLES))
  .chain(([local, domain, style]) =>
    inText('email', `${local}@${domain}`, fc.constant(writeEmail(style, local, domain))),
  );

/* Postcodes: every outward-code format, with Royal Mail's letters. */
const AREA_FIRST = 'ABCDEFGHIJKLMNOPRSTUWYZ';
const AREA_SECOND = 'ABCDEFGHKLMNOPQRSTUVWXY';
const DISTRICT_LETTER_SHORT = 'ABCDEFGHJKPSTUW';
const DISTRICT_LETTER_LONG = 'ABEHMNPRVWXY';
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const letter = (set: string) => fc.constantFrom(...set);
const digit = fc.constantFrom(...DIGITS);

const outward = fc.oneof(
  fc.tuple(letter(AREA_FIRST), digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), digit, digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), digit, letter(DISTRICT_LETTER_SHORT)).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), letter(AREA_SECOND), digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), letter(AREA_SECOND), digit, digit).map((p) => p.join('')),
  fc.tuple(letter(AREA_FIRST), letter(AREA_SECOND), digit, letter(DISTRICT_LETTER_LONG)).map((p) => p.join('')),
);
const inward = fc.tuple(digit, letter(INWARD_LETTERS), letter(INWARD_LETTERS)).map((p) => p.join(''));
const POSTCODE_SPACES = ['', ' ', '  ', '\u00a0', '\t', '\u2009', '\u3000', ' \u00a0'];
type Case = 'upper' | 'lower' | 'mixed';

/** Lower-case ordinals ("1st", "2nd") are skipped on purpose ("Ward B1 2nd floor"); never generated in lower case. */
const isLowerOrdinal = (code: string) => /^(?:1st|2nd|3rd|[04-9]th)$/.test(code);

export const pastedPostcode = fc
  .tuple(
    outward,
    inward,
    fc.constantFrom(...POSTCODE_SPACES),
    fc.constantFrom<Case>('upper', 'lower', 'mixed'),
    fc.boolean(),
  )
  .filter(([, code, , letterCase]) => letterCase === 'upper' || !isLowerOrdinal(code.toLowerCase()))
  .chain(([out, code, space, letterCase, fullWidth]) => {
    const cased =
      letterCase === 'upper'
        ? `${out}${space}${code}`
        : letterCase === 'lower'
          ? `${out}${space}${code}`.toLowerCase()
          : `${out.toLowerCase()}${space}${code}`;
    const written = fullWidth ? toFullWidth(cased) : cased;
    return inText('postcode', `${out}${code}`.toLowerCase(), fc.constant(written));
  });

export const pastedCases: Readonly<Record<PersonalDataKind, fc.Arbitrary<PastedCase>>> = {
  'nhs-number': pastedNhsNumber,
  'phone-number': pastedPhoneNumber,
  email: pastedEmail,
  postcode: pastedPostcode,
};
