// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Bicep source text, whose interpolation is ${...}
/**
 * A tokenizer for the subset of Bicep that infra/ uses: comments, identifiers, numbers, punctuation, newlines
 * (Bicep separates statements and object properties with them), single-quoted strings with escapes and `${...}`
 * interpolation, and `'''` multi-line strings. It checks that every ( [ { is closed by its partner and that no string
 * or comment is left open, and throws a `BicepSyntaxError` naming the line otherwise.
 */

export class BicepSyntaxError extends Error {}

export type Token =
  | { readonly kind: 'ident'; readonly text: string; readonly line: number }
  | { readonly kind: 'number'; readonly text: string; readonly line: number }
  | { readonly kind: 'punct'; readonly text: string; readonly line: number }
  | { readonly kind: 'newline'; readonly text: '\n'; readonly line: number }
  | {
      readonly kind: 'string';
      readonly text: string;
      readonly line: number;
      /** Literal text around the interpolations: segments.length === holes.length + 1. */
      readonly segments: readonly string[];
      readonly holes: readonly (readonly Token[])[];
    }
  | { readonly kind: 'eof'; readonly text: ''; readonly line: number };

const PUNCT = ['...', '==', '!=', '<=', '>=', '&&', '||', '??', '=>', '?.', '=~', '!~', '::'].concat(
  '{}[](),:.?!=<>+-*/%@|'.split(''),
);
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };

class Scanner {
  private at = 0;
  private line = 1;

  constructor(private readonly src: string) {}

  fail(message: string, line = this.line): never {
    throw new BicepSyntaxError(`line ${line}: ${message}`);
  }

  /** Tokens up to the end of input, or (inside an interpolation) up to the `}` that closes it. */
  tokens(untilHoleEnd: boolean): Token[] {
    const out: Token[] = [];
    const open: { char: string; line: number }[] = [];
    for (;;) {
      this.skipBlanksAndComments();
      if (this.at >= this.src.length) {
        if (untilHoleEnd) this.fail('an interpolation ${...} is not closed');
        const unclosed = open.at(-1);
        if (unclosed) this.fail(`"${unclosed.char}" opened here is never closed`, unclosed.line);
        out.push({ kind: 'eof', text: '', line: this.line });
        return out;
      }
      const c = this.src.charAt(this.at);
      if (c === '\n') {
        this.at++;
        if (out.at(-1)?.kind !== 'newline') out.push({ kind: 'newline', text: '\n', line: this.line });
        this.line++;
        continue;
      }
      if (c === "'") {
        out.push(this.src.startsWith("'''", this.at) ? this.multiLineString() : this.string());
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        const start = this.at;
        while (/[A-Za-z0-9_]/.test(this.src.charAt(this.at))) this.at++;
        out.push({ kind: 'ident', text: this.src.slice(start, this.at), line: this.line });
        continue;
      }
      if (/[0-9]/.test(c)) {
        const start = this.at;
        while (/[0-9]/.test(this.src.charAt(this.at))) this.at++;
        out.push({ kind: 'number', text: this.src.slice(start, this.at), line: this.line });
        continue;
      }
      const punct = PUNCT.find((p) => this.src.startsWith(p, this.at));
      if (!punct) this.fail(`unexpected character "${c}"`);
      if (punct in CLOSER) open.push({ char: punct, line: this.line });
      if (punct === ')' || punct === ']' || punct === '}') {
        const opener = open.pop();
        if (!opener && untilHoleEnd && punct === '}') {
          this.at++;
          out.push({ kind: 'eof', text: '', line: this.line });
          return out;
        }
        if (!opener) this.fail(`"${punct}" closes nothing`);
        if (CLOSER[opener.char] !== punct) {
          this.fail(`"${punct}" closes the "${opener.char}" opened on line ${opener.line}`);
        }
      }
      this.at += punct.length;
      out.push({ kind: 'punct', text: punct, line: this.line });
    }
  }

  private skipBlanksAndComments(): void {
    for (;;) {
      const c = this.src.charAt(this.at);
      if (c === ' ' || c === '\t' || c === '\r') this.at++;
      else if (this.src.startsWith('//', this.at)) {
        while (this.at < this.src.length && this.src.charAt(this.at) !== '\n') this.at++;
      } else if (this.src.startsWith('/*', this.at)) {
        const end = this.src.indexOf('*/', this.at + 2);
        if (end < 0) this.fail('a /* comment is never closed');
        this.line += this.src.slice(this.at, end).split('\n').length - 1;
        this.at = end + 2;
      } else return;
    }
  }

  private string(): Token {
    const line = this.line;
    const start = this.at;
    this.at++;
    const segments: string[] = [];
    const holes: Token[][] = [];
    let current = '';
    for (;;) {
      if (this.at >= this.src.length) this.fail('a string is never closed', line);
      const c = this.src.charAt(this.at);
      if (c === '\n') this.fail('a single-quoted string runs past the end of its line', line);
      if (c === "'") {
        this.at++;
        segments.push(current);
        return { kind: 'string', text: this.src.slice(start, this.at), line, segments, holes };
      }
      if (c === '\\') {
        const next = this.src.charAt(this.at + 1);
        if (next === 'u' && this.src.charAt(this.at + 2) === '{') {
          const end = this.src.indexOf('}', this.at);
          current += String.fromCodePoint(Number.parseInt(this.src.slice(this.at + 3, end), 16));
          this.at = end + 1;
          continue;
        }
        const escaped = ESCAPES[next];
        if (escaped === undefined) this.fail(`"\\${next}" is not a Bicep string escape`);
        current += escaped;
        this.at += 2;
        continue;
      }
      if (this.src.startsWith('${', this.at)) {
        this.at += 2;
        segments.push(current);
        current = '';
        const hole = this.tokens(true);
        if (hole.length === 1) this.fail('an interpolation ${} is empty');
        holes.push(hole);
        continue;
      }
      current += c;
      this.at++;
    }
  }

  private multiLineString(): Token {
    const line = this.line;
    const end = this.src.indexOf("'''", this.at + 3);
    if (end < 0) this.fail("a ''' string is never closed", line);
    const value = this.src.slice(this.at + 3, end);
    this.line += value.split('\n').length - 1;
    this.at = end + 3;
    return { kind: 'string', text: `'''${value}'''`, line, segments: [value], holes: [] };
  }
}

export function tokenize(source: string): Token[] {
  return new Scanner(source).tokens(false);
}
