/** Patient-identifiable details that must never be stored: the text is refused until they are removed. */
export type PersonalDataKind = 'nhs-number' | 'phone-number' | 'email' | 'postcode';

/** A finding names the kind only: the matched text is never kept, so it cannot reach a log. */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
}

const TEN_DIGITS = /(?<![\d])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])/g;
const PHONE = /(?<![\d+])(?:\+44[ -]?(?:\(0\)[ -]?)?|\(?0)\d[\d ()-]{8,16}/g;
const POSTCODE = /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}(?![A-Za-z0-9])/;
const LOCAL_PART = /[A-Za-z0-9._%+-]/;
const DOMAIN_PART = /[A-Za-z0-9.-]/;

/** NHS numbers: ten digits whose modulus-11 check digit is right (weights 10..2; 11 → 0; 10 is never valid). */
export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function hasNhsNumber(text: string): boolean {
  for (const m of text.matchAll(TEN_DIGITS)) if (passesModulus11(`${m[1]}${m[2]}${m[3]}`)) return true;
  return false;
}

function hasPhoneNumber(text: string): boolean {
  for (const m of text.matchAll(PHONE)) {
    let digits = m[0].replace(/\D/g, '');
    if (digits.startsWith('44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
    if (/^0[1-35789]\d{8,9}$/.test(digits) && !/^\d{4}-\d{2}-\d{2}/.test(m[0])) return true;
  }
  return false;
}

/** Scans around each '@' instead of a backtracking regex, so long text stays linear. */
function hasEmail(text: string): boolean {
  let at = text.indexOf('@');
  while (at !== -1) {
    let left = at - 1;
    while (left >= 0 && LOCAL_PART.test(text.charAt(left)) && at - left <= 64) left--;
    let right = at + 1;
    while (right < text.length && DOMAIN_PART.test(text.charAt(right)) && right - at <= 255) right++;
    const domain = text.slice(at + 1, right).replace(/\.+$/, '');
    if (at - left > 1 && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) return true;
    at = text.indexOf('@', at + 1);
  }
  return false;
}

/** What kinds of patient-identifiable data `text` appears to contain (each kind at most once). */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  if (hasNhsNumber(text)) findings.push({ kind: 'nhs-number' });
  if (hasPhoneNumber(text)) findings.push({ kind: 'phone-number' });
  if (hasEmail(text)) findings.push({ kind: 'email' });
  if (POSTCODE.test(text)) findings.push({ kind: 'postcode' });
  return findings;
}
