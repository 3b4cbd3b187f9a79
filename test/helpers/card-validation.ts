import { createRequire } from 'node:module';
import { SUBMIT_VERB_KEY } from '../../src/bot/card-submit.js';
import {
  SCHEMA_FEATURES,
  SCHEMA_VERSIONS,
  type SchemaVersion,
  schemaNeedsOf,
  schemaVersionOf,
} from '../../src/cards/schema-version.js';

interface ValidationEvent {
  readonly message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  SerializationContext: new (targetVersion?: unknown) => { eventCount: number; getEventAt(i: number): ValidationEvent };
  Version: { parse(version: string): unknown };
}

// `require('adaptivecards')` fails in Node; the UMD bundle loads (see shared/TOOLCHAIN.md).
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/**
 * What the adaptivecards library says about a card read at `version`: its parse events (an element, action or
 * property newer than that version among them) and its validation events. Empty = the library is content.
 */
export function libraryProblems(card: unknown, version: string): string[] {
  const problems: string[] = [];
  const context = new AC.SerializationContext(AC.Version.parse(version));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Element and action types that only schema 1.5 has: a client that knows less shows their `fallback` instead. */
const NEWEST_TYPES = new Set(
  SCHEMA_FEATURES.filter((f) => f.property === undefined && f.version === '1.5').map((f) => f.on),
);

function isKnownVersion(version: unknown): version is SchemaVersion {
  return SCHEMA_VERSIONS.some((v) => v === version);
}

/** The declared version: the lowest that covers what the card uses (table), and enough (the library agrees). */
function versionProblems(card: unknown): string[] {
  const declared = (card as Record<string, unknown>).version;
  if (!isKnownVersion(declared)) return [`version is ${String(declared)}, not one of ${SCHEMA_VERSIONS.join(', ')}`];
  const needed = schemaVersionOf(card);
  if (declared === needed) return [];
  const needs = schemaNeedsOf(card)
    .filter((n) => n.version === needed)
    .map((n) => `${n.what} at ${n.path}`);
  return [
    `version is ${declared}, but what the card uses needs ${needed}${needs.length ? ` (${needs.join('; ')})` : ''}`,
  ];
}
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
 * Every problem with a rendered card: the adaptivecards library's parse and validation events (errors and warnings)
 * read at the card's declared version, so anything newer than it is flagged; plus our rules: the declared version is
 * the lowest that covers what the card uses (src/cards/schema-version.ts), a 1.5-only element has a `fallback`
 * element, a label on every input, a verb on every Action.Execute and in every Action.Submit's data (and no input
 * that would overwrite it), no leftover `${` anywhere (text, titles, data), under 28 KB. Empty = clean.
 */
export function validateCard(card: unknown): string[] {
  const root = card as Record<string, unknown>;
  const problems = [...libraryProblems(card, String(root.version ?? '1.0')), ...versionProblems(card)];
  walk(card, (n) => {
    if (typeof n.type !== 'string') return;
    if (n.type.startsWith('Input.')) {
      if (typeof n.label !== 'string' || n.label.trim() === '')
        problems.push(`${n.type} "${String(n.id)}" has no label`);
      if (n.id === SUBMIT_VERB_KEY) problems.push(`${n.type} "${n.id}" would overwrite an Action.Submit's verb`);
    }
    if (NEWEST_TYPES.has(n.type) && (typeof n.fallback !== 'object' || n.fallback === null))
      problems.push(`${n.type} is 1.5 only and has no fallback element for older clients`);
    if (n.type === 'Action.Execute' && (typeof n.verb !== 'string' || n.verb === ''))
      problems.push('Action.Execute without a verb');
    if (n.type === 'Action.Submit') {
      const verb = (n.data as Record<string, unknown> | undefined)?.[SUBMIT_VERB_KEY];
      if (typeof verb !== 'string' || verb === '') problems.push('Action.Submit without a verb in its data');
    }
  });
  walkStrings(card, '$', (path, value) => {
    if (value.includes('${')) problems.push(`unexpanded template expression at ${path}: ${value}`);
  });
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes >= MAX_BYTES) problems.push(`card is ${bytes} bytes, over 28 KB`);
  return problems;
}
