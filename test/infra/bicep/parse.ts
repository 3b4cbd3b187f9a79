import { BicepSyntaxError, type Token, tokenize } from './tokenize.js';

/**
 * A parser for the subset of Bicep that infra/ uses: targetScope, metadata, param, var, resource, module and output
 * statements with decorators; expressions with strings (and interpolation), numbers, booleans, null, objects,
 * arrays, `for` and `if`, member access, indexing, calls, unary, binary and ternary operators. Anything else is a
 * `BicepSyntaxError` naming the line, so a construct it does not know fails the tests instead of being skipped.
 */

export type Expr =
  | { readonly kind: 'string'; readonly segments: readonly string[]; readonly holes: readonly Expr[] }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'ident'; readonly name: string }
  | { readonly kind: 'member'; readonly object: Expr; readonly property: string; readonly safe: boolean }
  | { readonly kind: 'index'; readonly object: Expr; readonly index: Expr }
  | { readonly kind: 'call'; readonly callee: Expr; readonly args: readonly Expr[] }
  | { readonly kind: 'object'; readonly properties: readonly Property[] }
  | { readonly kind: 'array'; readonly items: readonly Expr[] }
  | { readonly kind: 'for'; readonly names: readonly string[]; readonly source: Expr; readonly body: Expr }
  | { readonly kind: 'if'; readonly condition: Expr; readonly body: Expr }
  | { readonly kind: 'unary'; readonly op: string; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'ternary'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr };

export interface Property {
  readonly key: string;
  readonly value: Expr;
  readonly line: number;
}

export interface Decorator {
  readonly name: string;
  readonly args: readonly Expr[];
}

interface Base {
  readonly line: number;
  readonly decorators: readonly Decorator[];
}

export type Statement =
  | (Base & { readonly kind: 'targetScope'; readonly value: Expr })
  | (Base & { readonly kind: 'metadata'; readonly name: string; readonly value: Expr })
  | (Base & { readonly kind: 'param'; readonly name: string; readonly type: string; readonly value?: Expr })
  | (Base & { readonly kind: 'var'; readonly name: string; readonly value: Expr })
  | (Base & {
      readonly kind: 'resource';
      readonly name: string;
      readonly type: string;
      readonly apiVersion: string;
      readonly existing: boolean;
      readonly value: Expr;
    })
  | (Base & { readonly kind: 'module'; readonly name: string; readonly path: string; readonly value: Expr })
  | (Base & { readonly kind: 'output'; readonly name: string; readonly type: string; readonly value: Expr });

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['??'],
  ['||'],
  ['&&'],
  ['==', '!=', '=~', '!~'],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

class Parser {
  private at = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    const token = this.tokens[Math.min(this.at + offset, this.tokens.length - 1)];
    if (!token) throw new BicepSyntaxError('no tokens');
    return token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.at++;
    return token;
  }

  private fail(message: string, token: Token = this.peek()): never {
    throw new BicepSyntaxError(`line ${token.line}: ${message} (found "${token.text.replace('\n', '\\n')}")`);
  }

  private is(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return (token.kind === 'punct' || token.kind === 'ident') && token.text === text;
  }

  private expect(text: string): Token {
    if (!this.is(text)) this.fail(`expected "${text}"`);
    return this.next();
  }

  private ident(what: string): string {
    const token = this.next();
    if (token.kind !== 'ident') this.fail(`expected ${what}`, token);
    return token.text;
  }

  private stringLiteral(what: string): string {
    const token = this.next();
    if (token.kind !== 'string' || token.holes.length > 0) this.fail(`expected ${what} as a plain string`, token);
    return token.segments[0] ?? '';
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  private endOfStatement(): void {
    const token = this.peek();
    if (token.kind !== 'newline' && token.kind !== 'eof') this.fail('expected the end of the line');
    this.skipNewlines();
  }

  program(): Statement[] {
    const statements: Statement[] = [];
    this.skipNewlines();
    while (this.peek().kind !== 'eof') statements.push(this.statement());
    return statements;
  }

  private statement(): Statement {
    const decorators: Decorator[] = [];
    while (this.is('@')) {
      this.next();
      const name = this.ident('a decorator name');
      const args = this.is('(') ? this.callArgs() : [];
      decorators.push({ name, args });
      this.endOfStatement();
    }
    const keyword = this.peek();
    const line = keyword.line;
    const base = { line, decorators };
    if (keyword.kind !== 'ident') this.fail('expected a statement');
    this.next();
    let statement: Statement;
    switch (keyword.text) {
      case 'targetScope':
        this.expect('=');
        statement = { ...base, kind: 'targetScope', value: this.expression() };
        break;
      case 'metadata': {
        const name = this.ident('a metadata name');
        this.expect('=');
        statement = { ...base, kind: 'metadata', name, value: this.expression() };
        break;
      }
      case 'param': {
        const name = this.ident('a parameter name');
        const type = this.ident('a parameter type');
        if (this.is('=')) {
          this.next();
          statement = { ...base, kind: 'param', name, type, value: this.expression() };
        } else statement = { ...base, kind: 'param', name, type };
        break;
      }
      case 'var': {
        const name = this.ident('a variable name');
        this.expect('=');
        statement = { ...base, kind: 'var', name, value: this.expression() };
        break;
      }
      case 'resource': {
        const name = this.ident('a resource symbol');
        const typeAt = this.peek();
        const [type, apiVersion, ...rest] = this.stringLiteral('the resource type').split('@');
        if (!type || !apiVersion || rest.length > 0)
          this.fail('expected a resource type as "type@api-version"', typeAt);
        const existing = this.is('existing');
        if (existing) this.next();
        this.expect('=');
        statement = { ...base, kind: 'resource', name, type, apiVersion, existing, value: this.body() };
        break;
      }
      case 'module': {
        const name = this.ident('a module symbol');
        const path = this.stringLiteral('the module path');
        this.expect('=');
        statement = { ...base, kind: 'module', name, path, value: this.body() };
        break;
      }
      case 'output': {
        const name = this.ident('an output name');
        const type = this.ident('an output type');
        this.expect('=');
        statement = { ...base, kind: 'output', name, type, value: this.expression() };
        break;
      }
      default:
        this.fail(`"${keyword.text}" statements are not supported by this parser`, keyword);
    }
    this.endOfStatement();
    return statement;
  }

  /** A resource or module body: an object, `if (condition) { ... }` or `[for ...: { ... }]`. */
  private body(): Expr {
    if (this.is('if')) {
      this.next();
      this.expect('(');
      this.skipNewlines();
      const condition = this.expression();
      this.skipNewlines();
      this.expect(')');
      if (!this.is('{')) this.fail('expected "{" after the condition');
      return { kind: 'if', condition, body: this.primary() };
    }
    if (!this.is('{') && !this.is('[')) this.fail('expected a resource body');
    return this.primary();
  }

  wholeExpression(): Expr {
    const expr = this.expression();
    if (this.peek().kind !== 'eof') this.fail('expected the end of the interpolation');
    return expr;
  }

  expression(): Expr {
    const test = this.binary(0);
    if (!this.is('?')) return test;
    this.next();
    this.skipNewlines();
    const then = this.expression();
    this.skipNewlines();
    this.expect(':');
    this.skipNewlines();
    return { kind: 'ternary', test, then, otherwise: this.expression() };
  }

  private binary(level: number): Expr {
    const ops = BINARY_LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    while (this.peek().kind === 'punct' && ops.includes(this.peek().text)) {
      const op = this.next().text;
      this.skipNewlines();
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
    return left;
  }

  private unary(): Expr {
    if (this.is('!') || this.is('-')) {
      const op = this.next().text;
      return { kind: 'unary', op, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(start: Expr): Expr {
    let expr = start;
    for (;;) {
      if (this.is('.') || this.is('?.')) {
        const safe = this.next().text === '?.';
        expr = { kind: 'member', object: expr, property: this.ident('a property name'), safe };
      } else if (this.is('[')) {
        this.next();
        const index = this.expression();
        this.expect(']');
        expr = { kind: 'index', object: expr, index };
      } else if (this.is('(')) {
        if (expr.kind !== 'ident' && expr.kind !== 'member') this.fail('only names can be called');
        expr = { kind: 'call', callee: expr, args: this.callArgs() };
      } else return expr;
    }
  }

  private callArgs(): Expr[] {
    this.expect('(');
    const args: Expr[] = [];
    this.skipNewlines();
    while (!this.is(')')) {
      args.push(this.expression());
      this.skipNewlines();
      if (this.is(',')) {
        this.next();
        this.skipNewlines();
      } else if (!this.is(')')) this.fail('expected "," or ")" in the argument list');
    }
    this.next();
    return args;
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', segments: token.segments, holes: token.holes.map(parseHole) };
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'ident':
        if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true' };
        if (token.text === 'null') return { kind: 'null' };
        return { kind: 'ident', name: token.text };
      case 'punct':
        if (token.text === '(') {
          this.skipNewlines();
          const inner = this.expression();
          this.skipNewlines();
          this.expect(')');
          return inner;
        }
        if (token.text === '{') return this.object();
        if (token.text === '[') return this.is('for') ? this.forExpression() : this.array();
        return this.fail('expected a value', token);
      default:
        return this.fail('expected a value', token);
    }
  }

  /** `{` already taken. Properties are separated by newlines or commas; keys are names or plain strings. */
  private object(): Expr {
    const properties: Property[] = [];
    const keys = new Set<string>();
    this.skipNewlines();
    while (!this.is('}')) {
      const keyToken = this.peek();
      const key = keyToken.kind === 'string' ? this.stringOrInterpolatedKey() : this.ident('a property name');
      if (keys.has(key)) this.fail(`property "${key}" is given twice`, keyToken);
      keys.add(key);
      this.expect(':');
      properties.push({ key, value: this.expression(), line: keyToken.line });
      this.separator('}');
    }
    this.next();
    return { kind: 'object', properties };
  }

  /** A quoted key; an interpolated key (e.g. '${identity.id}') is kept as its source text. */
  private stringOrInterpolatedKey(): string {
    const token = this.next();
    return token.kind === 'string' && token.holes.length === 0 ? (token.segments[0] ?? '') : token.text;
  }

  private array(): Expr {
    const items: Expr[] = [];
    this.skipNewlines();
    while (!this.is(']')) {
      items.push(this.expression());
      this.separator(']');
    }
    this.next();
    return { kind: 'array', items };
  }

  private forExpression(): Expr {
    this.expect('for');
    const names: string[] = [];
    if (this.is('(')) {
      this.next();
      names.push(this.ident('a loop variable'));
      this.expect(',');
      names.push(this.ident('an index variable'));
      this.expect(')');
    } else names.push(this.ident('a loop variable'));
    this.expect('in');
    const source = this.expression();
    this.expect(':');
    const body = this.is('if') ? this.body() : this.expression();
    this.skipNewlines();
    this.expect(']');
    return { kind: 'for', names, source, body };
  }

  private separator(closer: string): void {
    const token = this.peek();
    if (token.kind === 'newline' || this.is(',')) {
      this.next();
      this.skipNewlines();
    } else if (!this.is(closer)) this.fail(`expected a new line, "," or "${closer}"`);
  }
}

/** The expression inside `${...}`: exactly one, nothing after it. */
function parseHole(tokens: readonly Token[]): Expr {
  return new Parser(tokens.filter((t) => t.kind !== 'newline')).wholeExpression();
}

export function parseBicep(source: string): Statement[] {
  return new Parser(tokenize(source)).program();
}

/** Bicep-like source text of an expression, e.g. `identity.properties.clientId`, for messages and comparisons. */
export function sourceOf(expr: Expr): string {
  switch (expr.kind) {
    case 'string':
      return `'${expr.segments.map((s, i) => s + (i < expr.holes.length ? `\${${sourceOf(expr.holes[i] as Expr)}}` : '')).join('')}'`;
    case 'number':
    case 'bool':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'ident':
      return expr.name;
    case 'member':
      return `${sourceOf(expr.object)}${expr.safe ? '?.' : '.'}${expr.property}`;
    case 'index':
      return `${sourceOf(expr.object)}[${sourceOf(expr.index)}]`;
    case 'call':
      return `${sourceOf(expr.callee)}(${expr.args.map(sourceOf).join(', ')})`;
    case 'object':
      return `{ ${expr.properties.map((p) => `${p.key}: ${sourceOf(p.value)}`).join(', ')} }`;
    case 'array':
      return `[${expr.items.map(sourceOf).join(', ')}]`;
    case 'for':
      return `[for ${expr.names.join(', ')} in ${sourceOf(expr.source)}: ${sourceOf(expr.body)}]`;
    case 'if':
      return `if (${sourceOf(expr.condition)}) ${sourceOf(expr.body)}`;
    case 'unary':
      return `${expr.op}${sourceOf(expr.operand)}`;
    case 'binary':
      return `${sourceOf(expr.left)} ${expr.op} ${sourceOf(expr.right)}`;
    case 'ternary':
      return `${sourceOf(expr.test)} ? ${sourceOf(expr.then)} : ${sourceOf(expr.otherwise)}`;
  }
}
