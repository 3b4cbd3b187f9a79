import { createRequire } from 'node:module';

interface ValidationEvent {
  readonly message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ValidationEvent };
}

// `require('adaptivecards')` fails in Node; the UMD bundle loads (see shared/TOOLCHAIN.md).
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

const MAX_BYTES = 28 * 1024;

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

/** Visits every string in a rendered card (values and keys' values at any depth), with a JSON-path-like address. */
function walkStrings(node: unknown, path: string, visit: (path: string, value: string) => void): void {
  if (typeof node === 'string') visit(path, node);
  else if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) walkStrings(item, `${path}[${i}]`, visit);
  } else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) walkStrings(value, `${path}.${key}`, visit);
}

/**
 * Every problem with a rendered card: the adaptivecards library's parse and validation events (errors and warnings),
 * plus our rules: version 1.5, a label on every input, a verb on every Action.Execute, no
 * leftover `${` anywhere (text, titles, data), under 28 KB. Empty = clean.
 */
export function validateCard(card: unknown): string[] {
  const problems: string[] = [];
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const root = card as Record<string, unknown>;
  if (root.version !== '1.5') problems.push(`version is ${String(root.version)}, expected 1.5`);
  walk(card, (n) => {
    if (
      typeof n.type === 'string' &&
      n.type.startsWith('Input.') &&
      (typeof n.label !== 'string' || n.label.trim() === '')
    ) {
      problems.push(`${n.type} "${String(n.id)}" has no label`);
    }
    if (n.type === 'Action.Execute' && (typeof n.verb !== 'string' || n.verb === ''))
      problems.push('Action.Execute without a verb');
  });
  walkStrings(card, '$', (path, value) => {
    if (value.includes('${')) problems.push(`unexpanded template expression at ${path}: ${value}`);
  });
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes >= MAX_BYTES) problems.push(`card is ${bytes} bytes, over 28 KB`);
  return problems;
}
