import { MASK, type PersonalDataSpan } from './personal-data-span.js';

/**
 * A full UK postcode in normalised text: outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA), with up
 * to three spaces between them (or none), any case; GIR 0AA too. Letters follow Royal Mail's rules (no C, I, K, M, O
 * or V in the inward code…), so words like "A1 2CV" and times like "B1 2pm" are not taken for one.
 */
const POSTCODE =
  /(?<![A-Za-z0-9])((?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?)|GIR)) {0,3}(\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;
/** "Ward B1 2nd floor" is no postcode: an inward code written as a lower-case ordinal (1st, 2nd, 3rd…) is skipped. */
const ORDINAL = /^(?:1st|2nd|3rd|[04-9]th)$/;

export function findPostcodes(text: string): PersonalDataSpan[] {
  const found: PersonalDataSpan[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    if (ORDINAL.test(m[2] ?? '')) continue;
    found.push({ kind: 'postcode', start: m.index, end: m.index + m[0].length, masked: `${m[1]} ${MASK.repeat(3)}` });
  }
  return found;
}
