import { isDigit, maskDigits, type PersonalDataSpan } from './personal-data-span.js';

/*
 * NHS numbers in normalised text: any ten digits, straight or grouped, that pass the modulus-11 check. Digits are read
 * in groups (maximal runs of digits); neighbouring groups belong together when only a few separator characters stand
 * between them. Every set of neighbouring groups holding exactly ten digits is a candidate, and is checked when it is
 * grouped as people write numbers: 3-3-4 with any separators, or up to four groups (4-3-3, 2-4-4, 5-5, 3-4-3…) or ten
 * single digits (a number typed into boxes) with the same separator throughout. The same-separator rule keeps dates
 * followed by a count ("22/11/2026 10 people": 2-2-4-2) out. A group of more than ten digits is never cut up.
 * One digit ten times (0000000000, 9999999999) passes modulus 11 but is a placeholder, never a patient's number.
 */

const SEPARATORS = new Set([' ', '-', '.', '/', '(', ')']);
const MAX_GAP = 3;
const LENGTH = 10;
const MAX_GROUPS = 4;
const REPEATED_DIGIT = /^(\d)\1{9}$/;

interface Group {
  readonly start: number;
  readonly end: number;
}

/** NHS numbers: ten digits whose modulus-11 check digit is right (weights 10..2; 11 → 0; 10 is never valid). */
export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function digitGroups(text: string): Group[] {
  const groups: Group[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text[i])) continue;
    const start = i;
    while (isDigit(text[i + 1])) i++;
    groups.push({ start, end: i + 1 });
  }
  return groups;
}

/** The characters between two groups, if they are few and all separators; brackets and repeated spaces ignored. */
function gapBetween(text: string, left: Group, right: Group): string | undefined {
  const gap = text.slice(left.end, right.start);
  if (gap.length > MAX_GAP || ![...gap].every((c) => SEPARATORS.has(c))) return undefined;
  return gap.replace(/[()]/g, '').replace(/ +/g, ' ');
}

const isSpaceOrDash = (gap: string) => /^(?: ?- ?| )?$/.test(gap);

function groupedLikeANumber(sizes: readonly number[], gaps: readonly string[]): boolean {
  if (sizes.length === 1) return true;
  if (sizes.join('-') === '3-3-4' && gaps.every(isSpaceOrDash)) return true;
  const sameSeparator = gaps.every((g) => g === gaps[0]);
  return sameSeparator && (sizes.length <= MAX_GROUPS || sizes.every((s) => s === 1));
}

export function findNhsNumbers(text: string): PersonalDataSpan[] {
  const groups = digitGroups(text);
  const gaps = groups.map((g, i) => {
    const next = groups[i + 1];
    return next ? gapBetween(text, g, next) : undefined;
  });
  const found: PersonalDataSpan[] = [];
  for (let first = 0; first < groups.length; first++) {
    const sizes: number[] = [];
    let digits = '';
    for (let last = first; last < groups.length && digits.length < LENGTH; last++) {
      const group = groups[last] as Group;
      sizes.push(group.end - group.start);
      digits += text.slice(group.start, group.end);
      const start = (groups[first] as Group).start;
      if (digits.length === LENGTH && groupedLikeANumber(sizes, gaps.slice(first, last) as string[])) {
        if (passesModulus11(digits) && !REPEATED_DIGIT.test(digits))
          found.push({ kind: 'nhs-number', start, end: group.end, masked: maskDigits(text.slice(start, group.end)) });
      }
      if (gaps[last] === undefined) break;
    }
  }
  return found;
}
