/** Patient-identifiable details that must never be stored: the text is refused until they are removed. */
export type PersonalDataKind = 'nhs-number' | 'phone-number' | 'email' | 'postcode';

/** A finding names the kind only: the matched text is never kept, so it cannot reach a log. */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
}

/*
 * Every check below is linear in the length of the text: the regular expressions that run over the whole text have no
 * nested or overlapping quantifiers, the phone scan looks at most a few dozen characters from each starting point, and
 * the email check only runs a regular expression on the (at most 253-character) text after each '@'.
 */

/** Ten digits, together or grouped 3-3-4 by single spaces or hyphens, not inside a longer number. */
const TEN_DIGITS = /(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g;

/**
 * A full UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA), with or without one
 * space, any case; GIR 0AA too. Letters follow Royal Mail's rules, so words like "A1 2CV" are not taken for one.
 */
const POSTCODE =
  /(?<![A-Za-z0-9])(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?)|GIR)[ \u00a0]?(\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;
/** "Ward B1 2nd floor" is no postcode: an inward code written as a lower-case ordinal (1st, 2nd, 3rd…) is skipped. */
const ORDINAL = /^(?:1st|2nd|3rd|[04-9]th)$/;

/** Characters that may separate the digit groups of a phone number. */
const PHONE_SEPARATORS = new Set([' ', '\u00a0', '-', '(', ')']);
/** A UK number once written nationally: 11 digits (01, 02, 03, 05, 07, 08, 09), or 10 for some 01 and 0800 numbers. */
const UK_NUMBER = /^(?:0[1235789]\d{9}|01\d{8}|0800\d{6})$/;
const MAX_SEPARATORS = 3;
const MAX_DIGITS = 13;

const EMAIL_LOCAL = /[A-Za-z0-9._%+'-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;
const EMAIL_HOST = /^(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** NHS numbers: ten digits whose modulus-11 check digit is right (weights 10..2; 11 → 0; 10 is never valid). */
export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function hasPostcode(text: string): boolean {
  for (const m of text.matchAll(POSTCODE)) if (!ORDINAL.test(m[1] ?? '')) return true;
  return false;
}

function hasNhsNumber(text: string): boolean {
  for (const m of text.matchAll(TEN_DIGITS)) if (passesModulus11(`${m[1]}${m[2]}${m[3]}`)) return true;
  return false;
}

/** Skips up to MAX_SEPARATORS separator characters from `at`; returns where the next digit group starts, or -1. */
function nextGroupStart(text: string, at: number): number {
  let i = at;
  while (i < text.length && i - at < MAX_SEPARATORS && PHONE_SEPARATORS.has(text.charAt(i))) i++;
  return i > at && isDigit(text[i]) ? i : -1;
}

/** Skips spaces and hyphens (at most MAX_SEPARATORS) from `at`. */
function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i - at < MAX_SEPARATORS && (text.charAt(i) === ' ' || text.charAt(i) === '\u00a0' || text.charAt(i) === '-'))
    i++;
  return i;
}

/** Where the national number starts after an international prefix (+44 or 0044, then an optional "(0)"). */
function afterUkPrefix(text: string, start: number): number {
  let i = skipSpaces(text, start + (text.charAt(start) === '+' ? 3 : 4));
  if (text.startsWith('(0)', i)) i = skipSpaces(text, i + 3);
  else if (text.charAt(i) === '(') i++;
  return i;
}

/**
 * Reads a phone number starting at `start` ("0…", "(0…", "+44…" or "0044…") group by group, and says whether the
 * digits read so far form a UK number at the end of some group. Stops after MAX_DIGITS digits, so the work is bounded.
 * The first group (the area code, counting its leading 0) must have at least three digits and later groups at least
 * two, which keeps dates such as 01-02-2026 and lists of small numbers out.
 */
function phoneAt(text: string, start: number): boolean {
  const international = text.startsWith('+44', start) || text.startsWith('0044', start);
  let i = international ? afterUkPrefix(text, start) : start + (text.charAt(start) === '(' ? 1 : 0);
  let digits = international ? '0' : '';
  for (let group = 0; i !== -1; group++) {
    const groupStart = i;
    while (isDigit(text[i]) && digits.length < MAX_DIGITS) digits += text.charAt(i++);
    if (isDigit(text[i])) return false;
    const length = i - groupStart;
    if (group === 0 && international && digits.startsWith('00')) digits = digits.slice(1);
    if (group === 0 ? digits.length < 3 || (!international && length < 3) : length < 2) return false;
    if (UK_NUMBER.test(digits)) return true;
    if (digits.length >= 11) return false;
    i = nextGroupStart(text, i);
  }
  return false;
}

function hasPhoneNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const before = text[i - 1];
    if (isDigit(before) || before === '+') continue;
    const starts = c === '0' || (c === '(' && text[i + 1] === '0') || (c === '+' && text.startsWith('+44', i));
    if (starts && phoneAt(text, i)) return true;
  }
  return false;
}

/** Looks around each '@' instead of using one large regular expression, so long text stays linear. */
function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let left = at;
    while (left > 0 && at - left < 64 && EMAIL_LOCAL.test(text.charAt(left - 1))) left--;
    let right = at + 1;
    while (right < text.length && right - at <= 253 && EMAIL_DOMAIN.test(text.charAt(right))) right++;
    let end = right;
    while (end > at + 1 && text.charAt(end - 1) === '.') end--;
    if (left < at && EMAIL_HOST.test(text.slice(at + 1, end))) return true;
  }
  return false;
}

/** What kinds of patient-identifiable data `text` appears to contain (each kind at most once, in a fixed order). */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  if (hasNhsNumber(text)) findings.push({ kind: 'nhs-number' });
  if (hasPhoneNumber(text)) findings.push({ kind: 'phone-number' });
  if (hasEmail(text)) findings.push({ kind: 'email' });
  if (hasPostcode(text)) findings.push({ kind: 'postcode' });
  return findings;
}
