import { MASK, type PersonalDataSpan } from './personal-data-span.js';

/*
 * Email addresses in normalised text (full-width '@' and '.' are plain by then). Besides jo.bloggs@trust.nhs.uk this
 * reads the ways people write an address to dodge a filter or by habit: spaces around the '@' ("jo @ nhs.net"),
 * "(at)" / "[at]", and the spelled-out "jo.bloggs at trust dot nhs dot uk". The spelled-out forms must end in a
 * well-known top-level domain, and a plain " at " needs " dot " (so "guidance is at gov.uk" is not taken for an
 * address). Each '@' or "at" is read outwards a bounded distance (64 characters left, 253 right), so long text stays
 * linear.
 */

const LOCAL = /^[\p{L}\p{N}._%+'-]$/u;
const LABEL = /^[\p{L}\p{N}-]$/u;
const TOP_LEVEL = /^\p{L}{2,63}$/u;
const SPELLED_TOP_LEVEL = new Set(
  'uk com net org gov nhs ac co io info scot wales cymru eu ie edu me biz london online email mail'.split(' '),
);
/** What stands for '@': the character, "(at)"-style brackets, or the word between spaces. */
const AT = /@|[([{] ?at ?[)\]}]|(?<= )at(?= )/giu;
const DOT_WORD = /^ ?[([{] ?dot ?[)\]}] ?|^ dot /iu;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABELS = 10;

interface Domain {
  readonly end: number;
  readonly labels: readonly string[];
  readonly spelled: boolean;
}

/** Reads a domain from `start`: labels joined by '.' or a spelled-out "dot". */
function readDomain(text: string, start: number): Domain | undefined {
  const labels: string[] = [];
  let spelled = false;
  let i = start;
  let end = start;
  while (labels.length < MAX_LABELS && i - start <= MAX_DOMAIN) {
    const labelStart = i;
    while (i < text.length && i - labelStart < 63 && LABEL.test(text.charAt(i))) i++;
    if (i === labelStart) break;
    labels.push(text.slice(labelStart, i));
    end = i;
    if (text.charAt(i) === '.' && LABEL.test(text.charAt(i + 1))) {
      i++;
      continue;
    }
    const dot = DOT_WORD.exec(text.slice(i, i + 9));
    if (!dot || !LABEL.test(text.charAt(i + dot[0].length))) break;
    spelled = true;
    i += dot[0].length;
  }
  return labels.length >= 2 ? { end, labels, spelled } : undefined;
}

function localStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_LOCAL && LOCAL.test(text.charAt(i - 1))) i--;
  return i;
}

function maskedAddress(local: string, labels: readonly string[]): string {
  const kept = labels.slice(labels.length >= 3 ? -2 : -1).join('.');
  return `${local.charAt(0)}${MASK.repeat(3)}@${MASK.repeat(3)}.${kept}`;
}

/** Spelled-out forms ("at", "dot") must end in a well-known top-level domain; a plain word "at" needs a "dot". */
function plausible(domain: Domain, wordAt: boolean): boolean {
  const top = domain.labels.at(-1) ?? '';
  if (!TOP_LEVEL.test(top)) return false;
  if (!domain.spelled && !wordAt) return true;
  return domain.spelled && SPELLED_TOP_LEVEL.has(top.toLowerCase());
}

export function findEmailAddresses(text: string): PersonalDataSpan[] {
  const found: PersonalDataSpan[] = [];
  let after = 0;
  for (const at of text.matchAll(AT)) {
    if (at.index < after) continue;
    const atEnd = at.index + at[0].length;
    const localEnd = text.charAt(at.index - 1) === ' ' ? at.index - 1 : at.index;
    const start = localStart(text, localEnd);
    if (start === localEnd) continue;
    const domain = readDomain(text, text.charAt(atEnd) === ' ' ? atEnd + 1 : atEnd);
    if (!domain || !plausible(domain, /^at$/i.test(at[0]))) continue;
    const masked = maskedAddress(text.slice(start, localEnd), domain.labels);
    found.push({ kind: 'email', start, end: domain.end, masked });
    after = domain.end;
  }
  return found;
}
