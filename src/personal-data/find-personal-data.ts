import { findEmailAddresses } from './email-addresses.js';
import { findNhsNumbers } from './nhs-numbers.js';
import { normaliseText } from './normalise-text.js';
import type { PersonalDataKind, PersonalDataSpan } from './personal-data-span.js';
import { findPhoneNumbers } from './phone-numbers.js';
import { findPostcodes } from './postcodes.js';

export { passesModulus11 } from './nhs-numbers.js';
export type { PersonalDataKind } from './personal-data-span.js';

/** A finding names the kind only: the matched text is never kept, so it cannot reach a log. */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
}

const ORDER: readonly PersonalDataKind[] = ['nhs-number', 'phone-number', 'email', 'postcode'];

/*
 * Every check is linear in the length of the text: normalisation is one pass, the NHS-number check looks at no more
 * than ten digit groups from each group, the phone check a few dozen characters from each start, the email check a
 * bounded window around each '@' or "at", and the postcode expression has no nested or overlapping quantifiers.
 */

const digitCount = (text: string, span: PersonalDataSpan) => text.slice(span.start, span.end).replace(/\D/g, '').length;

/**
 * Ten digits inside a phone number with more digits ("+44 7700 900123") are the phone number, not an NHS number;
 * ten digits that are both (0175072485) are reported as both.
 */
function outsideLongerPhones(text: string, nhs: readonly PersonalDataSpan[], phones: readonly PersonalDataSpan[]) {
  let p = 0;
  return nhs.filter((n) => {
    while (p < phones.length && (phones[p] as PersonalDataSpan).end <= n.start) p++;
    const phone = phones[p];
    const inside = phone !== undefined && phone.start <= n.start && n.end <= phone.end;
    return !(inside && digitCount(text, phone) > digitCount(text, n));
  });
}

/** Every detail found in normalised text (see normalise-text.ts), in order of where it starts. */
export function personalDataSpans(normalised: string): PersonalDataSpan[] {
  const phones = findPhoneNumbers(normalised);
  const nhs = outsideLongerPhones(normalised, findNhsNumbers(normalised), phones);
  const all = [...nhs, ...phones, ...findEmailAddresses(normalised), ...findPostcodes(normalised)];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * What kinds of patient-identifiable data `text` appears to contain (each kind at most once, in a fixed order),
 * however it was pasted: the text is normalised first (normalise-text.ts).
 */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const kinds = new Set(personalDataSpans(normaliseText(text).text).map((s) => s.kind));
  return ORDER.filter((kind) => kinds.has(kind)).map((kind) => ({ kind }));
}
