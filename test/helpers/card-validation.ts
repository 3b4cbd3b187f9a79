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
  // Teams' people picker is an Input.ChoiceSet whose choices come from `choices.data` (a Data.Query of the
  // directory), so it has none of its own, and the library dates `choices.data` to schema 1.6 while Teams offers
  // the picker on the versions it renders (the feature's own documentation declares 1.2): neither is a problem.
  const pickers = peoplePickers(card);
  let withoutChoices = pickers;
  for (const event of parsed.validateProperties().validationEvents) {
    if (withoutChoices > 0 && event.message === 'An Input.ChoiceSet must have at least one choice defined.')
      withoutChoices--;
    else problems.push(`validate: ${event.message}`);
  }
  return pickers > 0 ? problems.filter((p) => !PEOPLE_PICKER_VERSION.test(p)) : problems;
}

const PEOPLE_PICKER_VERSION = /^parse: Property "choices\.data" is supported in version 1\.6/;

function peoplePickers(card: unknown): number {
  let count = 0;
  walk(card, (n) => {
    if (n.type === 'Input.ChoiceSet' && (n['choices.data'] as { type?: unknown } | undefined)?.type === 'Data.Query')
      count++;
  });
  return count;
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
 * What a person reads on a card: texts, facts (title and value), button titles, input labels and placeholders, and
 * choices' titles (a choice's value, an input's value and button data are for the client, not shown as text).
 */
export function displayedTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) displayedTexts(item, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const n = node as Record<string, unknown>;
  const type = typeof n.type === 'string' ? n.type : '';
  const say = (value: unknown) => typeof value === 'string' && out.push(value);
  if (type === 'TextBlock' || type === 'TextRun') say(n.text);
  else if (type.startsWith('Action.')) say(n.title);
  else if (type.startsWith('Input.')) for (const key of ['label', 'placeholder', 'title']) say(n[key]);
  else if (type === 'FactSet' && Array.isArray(n.facts)) {
    for (const fact of n.facts as Record<string, unknown>[]) [fact.title, fact.value].forEach(say);
  }
  if (Array.isArray(n.choices)) for (const choice of n.choices as Record<string, unknown>[]) say(choice.title);
  for (const [key, value] of Object.entries(n)) {
    if (!['data', 'facts', 'choices', 'text', 'title', 'value'].includes(key)) displayedTexts(value, out);
  }
  return out;
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const UTC_TIME = /\b\d{1,2}:\d{2}(:\d{2})?(\.\d+)?\s*(Z\b|UTC\b|\+00:00)|\bUTC\b|T\d{2}:\d{2}/;

/** ISO dates ("2027-01-12") and UTC times ("14:05Z", "UTC") a person would read on the card: UK style only. */
export function isoDateProblems(card: unknown): string[] {
  return displayedTexts(card)
    .filter((t) => ISO_DATE.test(t) || UTC_TIME.test(t))
    .map((t) => `ISO date or UTC time shown: ${t.slice(0, 400)}`);
}

/**
 * Every problem with a rendered card: the adaptivecards library's parse and validation events (errors and warnings)
 * read at the card's declared version, so anything newer than it is flagged; plus our rules: the declared version is
 * the lowest that covers what the card uses (src/cards/schema-version.ts), a 1.5-only element has a `fallback`
 * element, a label on every input, a verb on every Action.Execute and in every Action.Submit's data (and no input
 * that would overwrite it), no leftover `${` anywhere (text, titles, data), no ISO date or UTC time where a person
 * reads it (UK dates in one style), under 28 KB. Empty = clean.
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
  problems.push(...isoDateProblems(card));
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes >= MAX_BYTES) problems.push(`card is ${bytes} bytes, over 28 KB`);
  return problems;
}
