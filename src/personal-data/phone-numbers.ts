import { isDigit, maskDigits, type PersonalDataSpan } from './personal-data-span.js';

/*
 * UK phone numbers in normalised text, read group by group from each possible start ("0…", "(0…", "+44…", "0044…",
 * "(+44)…"). The first group (the area code, counting its leading 0) must have at least three digits and later groups
 * at least two, which keeps dates such as 01.02.2026 and lists of small numbers out. At most MAX_DIGITS digits and a
 * few separators are read from each start, so the work is linear in the length of the text.
 */

const SEPARATORS = new Set([' ', '-', '.', '(', ')']);
const PREFIX_SEPARATORS = new Set([' ', '-', '.']);
/** A UK number once written nationally: 11 digits (01, 02, 03, 05, 07, 08, 09), or 10 for some 01 and 0800 numbers. */
const UK_NUMBER = /^(?:0[1235789]\d{9}|01\d{8}|0800\d{6})$/;
const MAX_SEPARATORS = 3;
const MAX_DIGITS = 13;

/**
 * Skips the separators after a group (at most MAX_SEPARATORS besides brackets, as in "(020) - 7946"); returns where
 * the next digit group starts, or -1.
 */
function nextGroupStart(text: string, at: number): number {
  let i = at;
  let counted = 0;
  while (i - at < MAX_SEPARATORS + 2 && SEPARATORS.has(text.charAt(i))) {
    if (PREFIX_SEPARATORS.has(text.charAt(i)) && ++counted > MAX_SEPARATORS) return -1;
    i++;
  }
  return i > at && isDigit(text[i]) ? i : -1;
}

/** Skips up to MAX_SEPARATORS spaces, dashes and dots (not brackets, which mean something after a prefix). */
function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i - at < MAX_SEPARATORS && PREFIX_SEPARATORS.has(text.charAt(i))) i++;
  return i;
}

/** After "+44", "+ 44", "0044", "(+44)" and an optional "(0)": where the national number starts; -1 if no prefix. */
function afterUkPrefix(text: string, start: number): number {
  let i = start;
  const bracketed = text.charAt(i) === '(';
  if (bracketed) i++;
  if (text.charAt(i) === '+') i = skipSpaces(text, i + 1);
  else if (text.startsWith('00', i)) i += 2;
  else return -1;
  if (!text.startsWith('44', i)) return -1;
  i += 2;
  if (bracketed && text.charAt(i) === ')') i++;
  i = skipSpaces(text, i);
  if (text.startsWith('(0)', i)) return skipSpaces(text, i + 3);
  return text.charAt(i) === '(' ? i + 1 : i;
}

/** Where a UK phone number starting at `start` ends (just after its last digit), or -1. */
function phoneEnd(text: string, start: number): number {
  const prefixEnd = afterUkPrefix(text, start);
  const international = prefixEnd !== -1;
  let i = international ? prefixEnd : start + (text.charAt(start) === '(' ? 1 : 0);
  if (!international && text.charAt(i) !== '0') return -1;
  let digits = international ? '0' : '';
  for (let group = 0; i !== -1; group++) {
    const groupStart = i;
    while (isDigit(text[i]) && digits.length < MAX_DIGITS) digits += text.charAt(i++);
    if (isDigit(text[i])) return -1;
    const length = i - groupStart;
    if (group === 0 && international && digits.startsWith('00')) digits = digits.slice(1);
    if (group === 0 ? digits.length < 3 || (!international && length < 3) : length < 2) return -1;
    if (UK_NUMBER.test(digits)) return i;
    if (digits.length >= 11) return -1;
    i = nextGroupStart(text, i);
  }
  return -1;
}

const mayStart = (text: string, i: number): boolean => {
  const c = text.charAt(i);
  const next = text.charAt(i + 1);
  return c === '0' || c === '+' || (c === '(' && (next === '0' || next === '+'));
};

export function findPhoneNumbers(text: string): PersonalDataSpan[] {
  const found: PersonalDataSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const before = text[i - 1];
    if (isDigit(before) || before === '+' || !mayStart(text, i)) continue;
    const end = phoneEnd(text, i);
    if (end === -1) continue;
    found.push({ kind: 'phone-number', start: i, end, masked: maskDigits(text.slice(i, end)) });
    i = end - 1;
  }
  return found;
}
