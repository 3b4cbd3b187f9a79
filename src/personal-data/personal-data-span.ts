/** Patient-identifiable details that must never be stored: the text is refused until they are removed. */
export type PersonalDataKind = 'nhs-number' | 'phone-number' | 'email' | 'postcode';

/**
 * Where one detail sits in the normalised text (see normalise-text.ts), and how it is shown once masked. Internal to
 * the guard: callers get kinds (`findPersonalData`) or masked text (`maskPersonalData`), never the matched text.
 */
export interface PersonalDataSpan {
  readonly kind: PersonalDataKind;
  readonly start: number;
  readonly end: number;
  /** The detail with its identifying part replaced by '•', e.g. `943 ••• ••••`, `j•••@•••.nhs.uk`, `SW1A •••`. */
  readonly masked: string;
}

export const MASK = '•';
const KEPT_DIGITS = 3;

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Digits after the first three become '•'; separators and prefixes stay, so `943 476 5919` reads `943 ••• ••••`. */
export function maskDigits(text: string): string {
  let seen = 0;
  let out = '';
  for (const c of text) {
    if (!isDigit(c)) out += c;
    else out += seen++ < KEPT_DIGITS ? c : MASK;
  }
  return out;
}
