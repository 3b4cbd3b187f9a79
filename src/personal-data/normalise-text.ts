/**
 * Text as the guard reads it: what people paste from Word, Outlook, PDFs and phones folded to one plain form, with
 * every character of the result mapped back to the characters of the original it came from (so a finding can be
 * masked in the text the person typed).
 *
 * Per character of the original:
 * - Unicode NFKC (full-width and mathematical letters, digits, '@', '.', '+' and brackets become plain ASCII);
 * - every decimal digit of any script (Arabic-Indic, Devanagari, Bengali, Thai…) becomes its ASCII digit;
 * - format characters (zero-width space/joiner/non-joiner, word joiner, soft hyphen, byte-order mark, bidi marks and
 *   isolates), combining marks and control characters are removed;
 * - every kind of space (non-breaking, thin, figure, ideographic…), tabs and line ends become ' ';
 * - every dash (hyphen, non-breaking hyphen, en and em dashes, minus sign…) becomes '-';
 * - middle dots and ideographic full stops become '.', fraction and division slashes '/'.
 */
export interface NormalisedText {
  /** The folded text. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: where the original character it came from starts… */
  readonly from: readonly number[];
  /** …and ends (exclusive), in the original text. */
  readonly to: readonly number[];
}

const REMOVED = /^[\p{Cf}\p{Mn}\p{Me}\p{Cc}]$/u;
const SPACE = /^[\p{Zs}\p{Zl}\p{Zp}\t\n\v\f\r\u0085]$/u;
const DASH = /^[\p{Pd}\u2212\u2043\u2796]$/u;
const DOT = /^[\u00b7\u2027\u2219\u22c5\u30fb\u3002\uff61\uff65]$/u;
const SLASH = /^[\u2044\u2215\u29f8]$/u;
const DIGIT = /^\p{Nd}$/u;

const digitCache = new Map<number, string>();

/**
 * The ASCII digit for any Unicode decimal digit. Unicode assigns decimal digits only in contiguous runs of ten, 0 to 9
 * (a stability guarantee), so the value is the distance from the start of the run, modulo ten.
 */
function asciiDigit(codePoint: number): string {
  const cached = digitCache.get(codePoint);
  if (cached !== undefined) return cached;
  let start = codePoint;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  const digit = String((codePoint - start) % 10);
  digitCache.set(codePoint, digit);
  return digit;
}

/** One character of NFKC output, folded. */
function fold(c: string): string {
  if (SPACE.test(c)) return ' ';
  if (REMOVED.test(c)) return '';
  if (DASH.test(c)) return '-';
  if (DOT.test(c)) return '.';
  if (SLASH.test(c)) return '/';
  const codePoint = c.codePointAt(0) ?? 0;
  if (codePoint > 0x7f && DIGIT.test(c)) return asciiDigit(codePoint);
  return c;
}

function foldCharacter(original: string): string {
  const code = original.charCodeAt(0);
  if (code >= 0x20 && code < 0x7f) return original;
  if (code < 0x80) return fold(original);
  let out = '';
  for (const c of original.normalize('NFKC')) out += fold(c);
  return out;
}

export function normaliseText(original: string): NormalisedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const character of original) {
    const folded = foldCharacter(character);
    const end = at + character.length;
    for (let i = 0; i < folded.length; i++) {
      from.push(at);
      to.push(end);
    }
    text += folded;
    at = end;
  }
  return { text, from, to };
}
