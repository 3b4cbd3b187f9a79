import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Decorator, type Expr, parseBicep, type Statement, sourceOf } from './parse.js';

/**
 * A parsed Bicep template with its statements by name, and a small evaluator: it computes what a setting or output
 * will be from parameter values and placeholders for what only Azure knows at deployment time (a managed identity's
 * client id, a host name). Anything it cannot compute throws, naming the expression, so a new reference in the
 * template fails the tests until a placeholder for it is given.
 */

type Of<K extends Statement['kind']> = Extract<Statement, { kind: K }>;
export type Param = Of<'param'>;
export type Resource = Of<'resource'>;
export type Output = Of<'output'>;

export interface Template {
  readonly statements: readonly Statement[];
  readonly params: ReadonlyMap<string, Param>;
  readonly vars: ReadonlyMap<string, Of<'var'>>;
  readonly resources: ReadonlyMap<string, Resource>;
  readonly outputs: ReadonlyMap<string, Output>;
}

export function loadTemplate(file: URL): Template {
  const statements = parseBicep(readFileSync(file, 'utf8'));
  const byKind = <K extends Statement['kind']>(kind: K) => {
    const map = new Map<string, Of<K>>();
    for (const s of statements) {
      if (s.kind !== kind) continue;
      const named = s as Of<K> & { name: string };
      if (map.has(named.name)) throw new Error(`${kind} ${named.name} is declared twice`);
      map.set(named.name, named);
    }
    return map;
  };
  return {
    statements,
    params: byKind('param'),
    vars: byKind('var'),
    resources: byKind('resource'),
    outputs: byKind('output'),
  };
}

export function decorator(statement: { decorators: readonly Decorator[] }, name: string): Decorator | undefined {
  return statement.decorators.find((d) => d.name === name);
}

/** A resource's body object, looking through `if (condition)`. */
export function bodyOf(resource: Resource): Expr {
  return resource.value.kind === 'if' ? resource.value.body : resource.value;
}

/** The expression at `path` (e.g. properties.siteConfig.alwaysOn) inside an object expression, or undefined. */
export function at(expr: Expr | undefined, path: string): Expr | undefined {
  let current = expr;
  for (const key of path.split('.')) {
    if (current?.kind !== 'object') return undefined;
    current = current.properties.find((p) => p.key === key)?.value;
  }
  return current;
}

/** The plain value of a literal expression (strings without holes, numbers, booleans, null, arrays, objects). */
export function literal(expr: Expr | undefined): unknown {
  if (!expr) return undefined;
  switch (expr.kind) {
    case 'string':
      return expr.holes.length === 0 ? expr.segments[0] : undefined;
    case 'number':
    case 'bool':
      return expr.value;
    case 'null':
      return null;
    case 'array':
      return expr.items.map(literal);
    case 'object':
      return Object.fromEntries(expr.properties.map((p) => [p.key, literal(p.value)]));
    default:
      return undefined;
  }
}

/** The sub-expressions directly inside an expression. */
export function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'string':
      return e.holes;
    case 'member':
      return [e.object];
    case 'index':
      return [e.object, e.index];
    case 'call':
      return [e.callee, ...e.args];
    case 'object':
      return e.properties.map((p) => p.value);
    case 'array':
      return e.items;
    case 'for':
      return [e.source, e.body];
    case 'if':
      return [e.condition, e.body];
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'ternary':
      return [e.test, e.then, e.otherwise];
    default:
      return [];
  }
}

/** Every identifier an expression mentions (roots of member chains; the names of called functions excluded). */
export function identifiersIn(expr: Expr): Set<string> {
  const out = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === 'ident') out.add(e.name);
    const children = e.kind === 'call' && e.callee.kind === 'ident' ? e.args : childrenOf(e);
    children.forEach(walk);
  };
  walk(expr);
  return out;
}

/** Identifiers an expression depends on, following variables to what they mention. */
export function dependenciesOf(template: Template, expr: Expr): Set<string> {
  const seen = new Set<string>();
  const pending = [...identifiersIn(expr)];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const variable = template.vars.get(name);
    if (variable) pending.push(...identifiersIn(variable.value));
  }
  return seen;
}

/** Every expression in the template, decorators' arguments included (for whole-template scans). */
export function allExpressions(template: Template): Expr[] {
  const out: Expr[] = [];
  const walk = (e: Expr): void => {
    out.push(e);
    childrenOf(e).forEach(walk);
  };
  for (const s of template.statements) {
    for (const d of s.decorators) d.args.forEach(walk);
    if ('value' in s && s.value) walk(s.value);
  }
  return out;
}

export interface Deployment {
  /** Parameter values (the parameters file, command-line values); defaults fill the rest. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Placeholders for runtime references, keyed by source text, e.g. `identity.properties.clientId`. */
  readonly references: Readonly<Record<string, unknown>>;
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly resourceGroup: { readonly name: string; readonly location: string };
}

function hash(args: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(args)).digest('hex');
}

/** Evaluates expressions of one template against one deployment. */
export class Evaluator {
  private readonly varValues = new Map<string, unknown>();

  constructor(
    private readonly template: Template,
    private readonly deployment: Deployment,
  ) {}

  private fail(expr: Expr, why: string): never {
    throw new Error(`cannot evaluate ${sourceOf(expr)}: ${why}`);
  }

  param(name: string): unknown {
    const param = this.template.params.get(name);
    if (!param) throw new Error(`no parameter ${name}`);
    if (name in this.deployment.params) return this.deployment.params[name];
    if (!param.value) throw new Error(`parameter ${name} has no value and no default`);
    return this.evaluate(param.value);
  }

  output(name: string): unknown {
    const output = this.template.outputs.get(name);
    if (!output) throw new Error(`no output ${name}`);
    return this.evaluate(output.value);
  }

  evaluate(expr: Expr): unknown {
    switch (expr.kind) {
      case 'string':
        return expr.segments
          .map((segment, i) => {
            const hole = expr.holes[i];
            if (!hole) return segment;
            const value = this.evaluate(hole);
            if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
              this.fail(hole, 'an interpolation must be a string, number or boolean');
            }
            return segment + String(value);
          })
          .join('');
      case 'number':
      case 'bool':
        return expr.value;
      case 'null':
        return null;
      case 'ident':
        return this.identifier(expr, expr.name);
      case 'member':
        return this.member(expr);
      case 'index': {
        const object = this.evaluate(expr.object);
        const index = this.evaluate(expr.index);
        if (Array.isArray(object) && typeof index === 'number') return object[index];
        if (object && typeof object === 'object' && typeof index === 'string') {
          return (object as Record<string, unknown>)[index];
        }
        return this.fail(expr, 'index of something that is not an array or object');
      }
      case 'call':
        return this.call(expr);
      case 'object':
        return Object.fromEntries(expr.properties.map((p) => [p.key, this.evaluate(p.value)]));
      case 'array':
        return expr.items.map((item) => this.evaluate(item));
      case 'unary': {
        const value = this.evaluate(expr.operand);
        if (expr.op === '!' && typeof value === 'boolean') return !value;
        if (expr.op === '-' && typeof value === 'number') return -value;
        return this.fail(expr, `${expr.op} of a ${typeof value}`);
      }
      case 'binary':
        return this.binary(expr);
      case 'ternary': {
        const test = this.evaluate(expr.test);
        if (typeof test !== 'boolean') this.fail(expr.test, 'the condition is not a boolean');
        return this.evaluate(test ? expr.then : expr.otherwise);
      }
      default:
        return this.fail(expr, `${expr.kind} expressions are not evaluated`);
    }
  }

  private identifier(expr: Expr, name: string): unknown {
    if (this.template.params.has(name)) return this.param(name);
    const variable = this.template.vars.get(name);
    if (variable) {
      if (!this.varValues.has(name)) this.varValues.set(name, this.evaluate(variable.value));
      return this.varValues.get(name);
    }
    if (this.template.resources.has(name)) return this.fail(expr, 'a whole resource is not a value');
    return this.fail(expr, 'unknown name');
  }

  /** `symbol.name` and `symbol.id` are computed; deeper references come from the deployment's placeholders. */
  private member(expr: Extract<Expr, { kind: 'member' }>): unknown {
    const text = sourceOf(expr);
    if (expr.object.kind === 'ident') {
      const resource = this.template.resources.get(expr.object.name);
      if (resource && expr.property === 'name') {
        const name = at(bodyOf(resource), 'name');
        return name ? this.evaluate(name) : this.fail(expr, 'the resource has no name');
      }
      if (resource && expr.property === 'id') {
        const name = this.evaluate(at(bodyOf(resource), 'name') ?? this.fail(expr, 'no name'));
        return `/subscriptions/${this.deployment.subscriptionId}/resourceGroups/${this.deployment.resourceGroup.name}/providers/${resource.type}/${String(name)}`;
      }
    }
    if (text in this.deployment.references) return this.deployment.references[text];
    if (this.rootIsResource(expr)) return this.fail(expr, 'no placeholder for this runtime reference');
    const object = this.evaluate(expr.object);
    if (object && typeof object === 'object' && expr.property in object) {
      return (object as Record<string, unknown>)[expr.property];
    }
    return this.fail(expr, 'no such property');
  }

  private rootIsResource(expr: Expr): boolean {
    let root = expr;
    while (root.kind === 'member' || root.kind === 'index') root = root.object;
    return root.kind === 'ident' && this.template.resources.has(root.name);
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): unknown {
    const left = this.evaluate(expr.left);
    if (expr.op === '&&' || expr.op === '||') {
      if (typeof left !== 'boolean') this.fail(expr.left, 'not a boolean');
      if (expr.op === '&&' ? !left : left) return left;
      const right = this.evaluate(expr.right);
      if (typeof right !== 'boolean') this.fail(expr.right, 'not a boolean');
      return right;
    }
    if (expr.op === '??') return left ?? this.evaluate(expr.right);
    const right = this.evaluate(expr.right);
    if (expr.op === '==') return JSON.stringify(left) === JSON.stringify(right);
    if (expr.op === '!=') return JSON.stringify(left) !== JSON.stringify(right);
    if (expr.op === '+' && typeof left === 'number' && typeof right === 'number') return left + right;
    return this.fail(expr, `operator ${expr.op} is not evaluated`);
  }

  private call(expr: Extract<Expr, { kind: 'call' }>): unknown {
    if (expr.callee.kind !== 'ident') return this.fail(expr, 'namespaced functions are not evaluated');
    const args = expr.args.map((a) => this.evaluate(a));
    const d = this.deployment;
    const text = (i: number): string => {
      const value = args[i];
      return typeof value === 'string' ? value : this.fail(expr, `argument ${i + 1} is not a string`);
    };
    switch (expr.callee.name) {
      case 'resourceGroup':
        return {
          id: `/subscriptions/${d.subscriptionId}/resourceGroups/${d.resourceGroup.name}`,
          name: d.resourceGroup.name,
          location: d.resourceGroup.location,
        };
      case 'subscription':
        return { id: `/subscriptions/${d.subscriptionId}`, subscriptionId: d.subscriptionId, tenantId: d.tenantId };
      case 'tenant':
        return { tenantId: d.tenantId };
      case 'environment':
        return { name: 'AzureCloud', suffixes: { storage: 'core.windows.net' } };
      case 'uniqueString':
        return BigInt(`0x${hash(args).slice(0, 16)}`)
          .toString(36)
          .padStart(13, 'a')
          .slice(0, 13);
      case 'guid': {
        const h = hash(args);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      }
      case 'subscriptionResourceId':
        return `/subscriptions/${d.subscriptionId}/providers/${args.map(String).join('/')}`;
      case 'toLower':
        return text(0).toLowerCase();
      case 'toUpper':
        return text(0).toUpperCase();
      case 'replace':
        return text(0).split(text(1)).join(text(2));
      case 'take': {
        const [value, count] = args;
        if (typeof count !== 'number') return this.fail(expr, 'the count is not a number');
        if (typeof value === 'string' || Array.isArray(value)) return value.slice(0, count);
        return this.fail(expr, 'take of something that is not a string or array');
      }
      case 'join': {
        const [items] = args;
        if (!Array.isArray(items)) return this.fail(expr, 'join of something that is not an array');
        return items.map(String).join(text(1));
      }
      case 'empty': {
        const [value] = args;
        if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
        if (value && typeof value === 'object') return Object.keys(value).length === 0;
        return value === null || value === undefined;
      }
      case 'union':
        if (!args.every((a) => a && typeof a === 'object' && !Array.isArray(a))) {
          return this.fail(expr, 'union is evaluated for objects only');
        }
        return Object.assign({}, ...args);
      case 'string':
        return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      default:
        return this.fail(expr, `function ${expr.callee.name} is not evaluated`);
    }
  }
}
