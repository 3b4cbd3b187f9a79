import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** One import: the importing file, and what it names (a file in the repository, or a package). */
export interface SrcImport {
  readonly from: string;
  readonly to: string;
  readonly kind: 'src' | 'package' | 'asset';
  /** `import type …`: a dependency of the design, but nothing runs. */
  readonly typeOnly: boolean;
}

/** Every .ts file under a folder, with forward slashes. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [slashed(join(dir, e.name))] : [],
  );
}

const slashed = (path: string): string => path.split('\\').join('/');

const SPECIFIER =
  /(?:^|\n)\s*((?:import|export)\s[^'";]*?)from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

/** What one file imports (type-only imports too: they are dependencies of the design); Node's own modules left out. */
export function importsOf(file: string, root = 'src'): SrcImport[] {
  const out: SrcImport[] = [];
  for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
    const spec = match[2] ?? match[3] ?? '';
    const typeOnly = /^(?:import|export)\s+type\s/.test(match[1] ?? '');
    if (spec.startsWith('node:')) continue;
    if (!spec.startsWith('.')) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
      out.push({ from: file, to: name, kind: 'package', typeOnly });
      continue;
    }
    const target = slashed(normalize(join(dirname(file), spec))).replace(/\.js$/, '.ts');
    out.push({
      from: file,
      to: target,
      kind: target.startsWith(`${root}/`) && target.endsWith('.ts') ? 'src' : 'asset',
      typeOnly,
    });
  }
  return out;
}

/** Every import of every file under src/. */
export function srcImports(root = 'src'): SrcImport[] {
  return filesUnder(root).flatMap((file) => importsOf(file, root));
}

/** What runs when a file is loaded: the files and packages it imports, directly or through them (types left out). */
export function reachableFrom(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    for (const i of importsOf(path, '')) {
      if (i.typeOnly) continue;
      const to = i.to;
      if (seen.has(to)) continue;
      seen.add(to);
      if (i.kind !== 'package' && to.endsWith('.ts') && existsSync(to)) visit(to);
    }
  };
  visit(file);
  return seen;
}

/** The part of src/ a file belongs to: its top folder (`pir`, `bot`…), or a root file's name (`app`, `config`…). */
export function areaOf(path: string, root = 'src'): string {
  const rel = slashed(relative(root, path));
  const [first, second] = rel.split('/');
  return second === undefined ? (first ?? '').replace(/\.ts$/, '') : (first ?? '');
}

/** Every part of src/: each folder and each root file. */
export function areasOf(root = 'src'): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() || e.name.endsWith('.ts'))
    .map((e) => e.name.replace(/\.ts$/, ''))
    .sort();
}

/** Area → the areas and packages it imports (itself excluded), sorted; every area present, if only with nothing. */
export function areaGraph(imports: readonly SrcImport[], areas: readonly string[] = []): Map<string, string[]> {
  const graph = new Map<string, Set<string>>(areas.map((a) => [a, new Set<string>()]));
  for (const i of imports) {
    if (i.kind === 'asset') continue;
    const from = areaOf(i.from);
    const to = i.kind === 'package' ? i.to : areaOf(i.to);
    if (!graph.has(from)) graph.set(from, new Set());
    if (to !== from) graph.get(from)?.add(to);
  }
  return new Map([...graph].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}

/** Every cycle between areas (each as the list of areas around it), found by depth-first search. */
export function areaCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** A vitest include pattern (`*` within a folder, `**` across folders) as a regular expression. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}
