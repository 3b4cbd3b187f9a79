import type { AdaptiveCard } from '../bot/turn.js';

/** Adaptive Card schema versions Teams renders (it supports 1.5 or earlier; its phone apps are reported to lag). */
export const SCHEMA_VERSIONS = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5'] as const;
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

/** One thing a card can use that is newer than schema 1.0, and the version that brought it. */
export interface SchemaFeature {
  /** An element or action type; `Input.*` and `Action.*` match every input or action, `*` anything with a type. */
  readonly on: string;
  /** A property of it (any value), or only the values `value` matches. Without one: the type itself. */
  readonly property?: string;
  readonly value?: RegExp;
  readonly version: SchemaVersion;
}

/**
 * What is newer than 1.0 in the Adaptive Cards schema (adaptivecards.io/explorer; the adaptivecards library agrees
 * where it checks, see test/cards/schema-version.unit.test.ts). Everything else our cards use (TextBlock, Container,
 * ColumnSet, FactSet, the inputs, Action.Submit / OpenUrl / ShowCard) is 1.0.
 */
export const SCHEMA_FEATURES: readonly SchemaFeature[] = [
  { on: 'Media', version: '1.1' },
  { on: '*', property: 'height', version: '1.1' },
  { on: '*', property: 'selectAction', version: '1.1' },
  { on: '*', property: 'verticalContentAlignment', version: '1.1' },
  { on: 'Column', property: 'width', value: /^\d+px$/, version: '1.1' },
  { on: 'Image', property: 'width', version: '1.1' },
  { on: 'Image', property: 'backgroundColor', version: '1.1' },
  { on: 'Action.*', property: 'iconUrl', version: '1.1' },
  { on: 'ActionSet', version: '1.2' },
  { on: 'RichTextBlock', version: '1.2' },
  { on: 'TextRun', version: '1.2' },
  { on: 'Action.ToggleVisibility', version: '1.2' },
  { on: '*', property: 'fallback', version: '1.2' },
  { on: '*', property: 'requires', version: '1.2' },
  { on: '*', property: 'isVisible', version: '1.2' },
  { on: '*', property: 'minHeight', version: '1.2' },
  { on: '*', property: 'bleed', version: '1.2' },
  { on: 'Container', property: 'backgroundImage', version: '1.2' },
  { on: 'Column', property: 'backgroundImage', version: '1.2' },
  { on: 'Container', property: 'style', value: /^(good|attention|warning|accent)$/i, version: '1.2' },
  { on: 'Column', property: 'style', value: /^(good|attention|warning|accent)$/i, version: '1.2' },
  { on: 'ColumnSet', property: 'style', version: '1.2' },
  { on: 'TextBlock', property: 'fontType', version: '1.2' },
  { on: 'Input.Text', property: 'inlineAction', version: '1.2' },
  { on: 'Input.ChoiceSet', property: 'wrap', version: '1.2' },
  { on: 'Input.Toggle', property: 'wrap', version: '1.2' },
  { on: 'Action.*', property: 'style', version: '1.2' },
  { on: 'Input.*', property: 'label', version: '1.3' },
  { on: 'Input.*', property: 'isRequired', version: '1.3' },
  { on: 'Input.*', property: 'errorMessage', version: '1.3' },
  { on: 'Input.Text', property: 'regex', version: '1.3' },
  { on: 'Action.*', property: 'associatedInputs', version: '1.3' },
  { on: 'Action.Execute', version: '1.4' },
  { on: 'AdaptiveCard', property: 'refresh', version: '1.4' },
  { on: 'AdaptiveCard', property: 'authentication', version: '1.4' },
  { on: 'Table', version: '1.5' },
  { on: 'TextBlock', property: 'style', version: '1.5' },
  { on: 'Input.Text', property: 'style', value: /^password$/i, version: '1.5' },
  { on: 'Input.ChoiceSet', property: 'style', value: /^filtered$/i, version: '1.5' },
  { on: 'Action.*', property: 'isEnabled', version: '1.5' },
  { on: 'Action.*', property: 'mode', version: '1.5' },
  { on: 'Action.*', property: 'tooltip', version: '1.5' },
  { on: '*', property: 'rtl', version: '1.5' },
];

/** A feature a card uses, where: e.g. `Input.Text.label` at `$.body[4].items[0]`. */
export interface SchemaNeed {
  readonly what: string;
  readonly version: SchemaVersion;
  readonly path: string;
}

function applies(feature: SchemaFeature, type: string, node: Readonly<Record<string, unknown>>): boolean {
  const { on, property, value } = feature;
  const typeMatches = on === '*' || on === type || (on.endsWith('.*') && type.startsWith(on.slice(0, -1)));
  if (!typeMatches) return false;
  if (property === undefined) return true;
  const set = node[property];
  return set !== undefined && (value === undefined || value.test(String(set)));
}

function visit(node: unknown, path: string, needs: SchemaNeed[]): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) visit(item, `${path}[${i}]`, needs);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Readonly<Record<string, unknown>>;
  const type = typeof record.type === 'string' ? record.type : undefined;
  if (type) {
    for (const feature of SCHEMA_FEATURES) {
      if (applies(feature, type, record))
        needs.push({ what: [type, feature.property].filter(Boolean).join('.'), version: feature.version, path });
    }
  }
  for (const [key, value] of Object.entries(record)) {
    // A button's data is ours to read back, not card structure.
    if (key === 'data' && type?.startsWith('Action.')) continue;
    visit(value, `${path}.${key}`, needs);
  }
}

/** Every feature newer than 1.0 that a card uses, with where it is. */
export function schemaNeedsOf(card: unknown): SchemaNeed[] {
  const needs: SchemaNeed[] = [];
  visit(card, '$', needs);
  return needs;
}

export function compareVersions(a: SchemaVersion, b: SchemaVersion): number {
  return SCHEMA_VERSIONS.indexOf(a) - SCHEMA_VERSIONS.indexOf(b);
}

/** The lowest schema version that covers everything the card uses. */
export function schemaVersionOf(card: unknown): SchemaVersion {
  return schemaNeedsOf(card).reduce<SchemaVersion>(
    (highest, need) => (compareVersions(need.version, highest) > 0 ? need.version : highest),
    '1.0',
  );
}

/**
 * The card, declaring the lowest version it needs: a client that supports less than a card's declared version shows
 * its fallback text instead of the card, so a card declares no more than it uses.
 */
export function withSchemaVersion(card: AdaptiveCard): AdaptiveCard {
  return { ...card, version: schemaVersionOf(card) };
}
