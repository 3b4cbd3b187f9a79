/**
 * Forgiving command matching: pure, over the registered command table, no network service. Two steps:
 * 1. `politeForm`: what someone typed without the words around a command ("I'd like to …", "please", "HELP!"),
 *    case kept, so the registered patterns can be tried again (arguments keep their case).
 * 2. `forgive`: the words of the text against each command's phrases. The same words run the command; a small typo
 *    ("new reqest", "hlep") is a suggestion ("Did you mean **new request**?"), never run. A careful command (one that
 *    removes or changes what others rely on) is never suggested: only its own words, typed as they are, run it.
 */

/** A command as the matcher knows it: what to run, the ways people put it, and whether it needs care. */
export interface CommandPhrases {
  /** What a suggestion shows and runs, e.g. "new request" (it matches the command's own pattern). */
  readonly command: string;
  /** The ways people put it, in plain words ("new request", "start a request", "new pir"). */
  readonly phrases: readonly string[];
  /** Removes or changes what others rely on: never suggested for a near miss. */
  readonly careful?: boolean;
}

export type Forgiven =
  | { readonly kind: 'run'; readonly command: string }
  | { readonly kind: 'suggest'; readonly command: string };

const LEAD_INS = [
  /^(please|pls|plz|kindly|ok(ay)?|so|um+|er+|hi|hello|hey|dear bot)\b[\s,.!:;-]*/i,
  /^(i['’]?d|i would) (like|love) to\s+/i,
  /^i (want|need|wish|would like) to\s+/i,
  /^i wanna\s+/i,
  /^(can|could|may|might) (i|we) (please )?/i,
  /^(can|could|would|will) you (please )?/i,
  /^(how|where) (do|can|should) i\s+/i,
  /^let me\s+/i,
  /^(i['’]?m|i am) (trying|looking|hoping) to\s+/i,
];
const TRAILERS = /[\s,.!?;:]*\b(please|pls|plz|thanks|thank you|thx|cheers|ta)\b[\s.!?]*$/i;
const END_PUNCTUATION = /[\s.!?,;:…]+$/;
const WRAPPING = /^[\s"'“”‘’`*_]+|[\s"'“”‘’`*_]+$/g;

/**
 * The text without the words around a command, case kept: "I'd like to start a new request, please!" becomes
 * "start a new request". Nothing but those words is removed; an empty result gives the text back as it was.
 */
export function politeForm(text: string): string {
  let out = text.replace(WRAPPING, '').replace(END_PUNCTUATION, '');
  for (let changed = true; changed; ) {
    const before = out;
    for (const lead of LEAD_INS) out = out.replace(lead, '');
    out = out.replace(TRAILERS, '').replace(END_PUNCTUATION, '').replace(WRAPPING, '');
    changed = out !== before;
  }
  return out.trim() === '' ? text.trim() : out.trim();
}

/** Words that carry no meaning for which command is meant. */
const FILLERS = new Set(['a', 'an', 'the', 'please', 'pls', 'plz', 'thanks', 'thx', 'to', 'for', 'of', 'just']);

/** The words of a text for matching: lower case, apostrophes dropped ("I'm" → "im"), no punctuation, no fillers. */
export function wordsOf(text: string): string[] {
  return politeForm(text)
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && !FILLERS.has(w));
}

/** Edits (insert, delete, replace, swap two neighbours) between two strings: "hlep" → "help" is 1. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.length, b.length);
}

/** How many edits a phrase of this length forgives: none for the shortest words, then one, two, three. */
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length <= 6) return 1;
  return length <= 12 ? 2 : 3;
}

/**
 * Which command the text means: the same words as one of its phrases (run it), or a small typo away from a phrase of
 * a command that is not careful (suggest it). Undefined when nothing is close; ties go to the command listed first.
 */
export function forgive(text: string, table: readonly CommandPhrases[]): Forgiven | undefined {
  const said = wordsOf(text).join(' ');
  if (said === '') return undefined;
  for (const entry of table) {
    if (entry.phrases.some((p) => wordsOf(p).join(' ') === said)) return { kind: 'run', command: entry.command };
  }
  let best: { command: string; edits: number } | undefined;
  for (const entry of table) {
    if (entry.careful) continue;
    for (const phrase of entry.phrases) {
      const wanted = wordsOf(phrase).join(' ');
      if (Math.abs(wanted.length - said.length) > allowedEdits(wanted.length)) continue;
      const edits = editDistance(said, wanted);
      if (edits <= allowedEdits(wanted.length) && (!best || edits < best.edits))
        best = { command: entry.command, edits };
    }
  }
  return best ? { kind: 'suggest', command: best.command } : undefined;
}
