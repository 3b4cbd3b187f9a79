import { personalDataSpans } from './find-personal-data.js';
import { type NormalisedText, normaliseText } from './normalise-text.js';
import { MASK, maskDigits, type PersonalDataSpan } from './personal-data-span.js';

type Render = (span: PersonalDataSpan, normalised: string) => string;

const DIGIT_KINDS = new Set(['nhs-number', 'phone-number']);
const asShown: Render = (span) => span.masked;
const everyLetterAndDigit: Render = (span, normalised) =>
  normalised.slice(span.start, span.end).replace(/[\p{L}\p{N}]/gu, MASK);
const bulletsOnly: Render = () => MASK.repeat(3);

/** Overlapping details become one; digits-only overlaps keep the digit mask, any other mix is masked throughout. */
function merged(spans: readonly PersonalDataSpan[], n: NormalisedText): PersonalDataSpan[] {
  const out: PersonalDataSpan[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    const overlaps = last && (span.start < last.end || (n.from[span.start] ?? 0) < (n.to[last.end - 1] ?? 0));
    if (!last || !overlaps) {
      out.push(span);
      continue;
    }
    const end = Math.max(last.end, span.end);
    const digitsOnly = DIGIT_KINDS.has(last.kind) && DIGIT_KINDS.has(span.kind);
    const text = n.text.slice(last.start, end);
    out[out.length - 1] = {
      ...last,
      end,
      masked: digitsOnly ? maskDigits(text) : text.replace(/[\p{L}\p{N}]/gu, MASK),
    };
  }
  return out;
}

/** One pass: each detail found is replaced, in the original text, by its rendering; everything else is kept as typed. */
function maskOnce(text: string, render: Render): { text: string; found: boolean } {
  const n = normaliseText(text);
  const spans = merged(personalDataSpans(n.text), n);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    const from = n.from[span.start] ?? cursor;
    out += text.slice(cursor, from) + render(span, n.text);
    cursor = n.to[span.end - 1] ?? from;
  }
  return { text: out + text.slice(cursor), found: spans.length > 0 };
}

/**
 * The text with the identifying part of every detail the guard finds replaced by '•' (`943 ••• ••••`,
 * `077•• ••••••`, `j•••@•••.nhs.uk`, `SW1A •••`) and everything else kept exactly as typed, so a refused answer can
 * be shown back without putting the detail into the Teams message history. The result never trips the guard itself:
 * should the kept digits form a new detail with their neighbours, that is masked throughout.
 */
export function maskPersonalData(text: string): string {
  const first = maskOnce(text, asShown);
  if (!first.found) return text;
  let masked = first.text;
  for (const render of [everyLetterAndDigit, bulletsOnly]) {
    const again = maskOnce(masked, render);
    if (!again.found) return masked;
    masked = again.text;
  }
  return masked;
}
