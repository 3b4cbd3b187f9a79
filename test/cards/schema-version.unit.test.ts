import { describe, expect, it } from 'vitest';
import {
  SCHEMA_FEATURES,
  SCHEMA_VERSIONS,
  type SchemaFeature,
  type SchemaVersion,
  schemaVersionOf,
} from '../../src/cards/schema-version.js';
import { withSubmitActions } from '../../src/cards/submit-actions.js';
import { libraryProblems, validateCard } from '../helpers/card-validation.js';

/** A value for each property in the table (matching the row's `value` where it has one). */
const EXAMPLE_VALUES: Record<string, unknown> = {
  height: 'stretch',
  selectAction: { type: 'Action.Submit', data: { verb: 'v' } },
  verticalContentAlignment: 'Center',
  width: '40px',
  backgroundColor: '#FFFFFF',
  iconUrl: 'https://ppi.example/icon.png',
  fallback: 'drop',
  requires: {},
  isVisible: false,
  minHeight: '40px',
  bleed: true,
  backgroundImage: 'https://ppi.example/bg.png',
  fontType: 'Monospace',
  inlineAction: { type: 'Action.Submit', title: 'Go', data: { verb: 'v' } },
  wrap: true,
  label: 'Name',
  isRequired: true,
  errorMessage: 'Please answer.',
  regex: '^\\d+$',
  associatedInputs: 'none',
  refresh: { action: { type: 'Action.Execute', verb: 'refresh' } },
  authentication: { text: 'Sign in', connectionName: 'c', buttons: [] },
  isEnabled: false,
  mode: 'secondary',
  tooltip: 'More',
  rtl: true,
};
const STYLE_EXAMPLES: Record<string, string> = {
  Container: 'accent',
  Column: 'good',
  ColumnSet: 'emphasis',
  TextBlock: 'heading',
  'Input.Text': 'Password',
  'Input.ChoiceSet': 'filtered',
  'Action.*': 'positive',
};

function exampleFor(on: string, property: string): unknown {
  if (property === 'style') return STYLE_EXAMPLES[on];
  return on === 'Column' && property === 'width' ? '130px' : EXAMPLE_VALUES[property];
}

/** The smallest valid thing of a type. */
function base(type: string): Record<string, unknown> {
  switch (type) {
    case '*':
    case 'Container':
      return { type: 'Container', items: [] };
    case 'TextBlock':
      return { type: 'TextBlock', text: 'x' };
    case 'Image':
      return { type: 'Image', url: 'https://ppi.example/i.png' };
    case 'Media':
      return { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://ppi.example/v.mp4' }] };
    case 'ActionSet':
      return { type: 'ActionSet', actions: [] };
    case 'RichTextBlock':
      return { type: 'RichTextBlock', inlines: [] };
    case 'TextRun':
      return { type: 'TextRun', text: 'x' };
    case 'Table':
      return { type: 'Table', columns: [{ width: 1 }], rows: [] };
    case 'ColumnSet':
      return { type: 'ColumnSet', columns: [] };
    case 'Column':
      return { type: 'Column', items: [] };
    case 'Input.*':
    case 'Input.Text':
      return { type: 'Input.Text', id: 'a' };
    case 'Input.ChoiceSet':
      return { type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'A', value: 'a' }] };
    case 'Input.Toggle':
      return { type: 'Input.Toggle', id: 't', title: 'Yes' };
    case 'Action.*':
      return { type: 'Action.Submit', title: 'Go', data: { verb: 'v' } };
    case 'Action.ToggleVisibility':
      return { type: 'Action.ToggleVisibility', title: 'More', targetElements: [] };
    case 'Action.Execute':
      return { type: 'Action.Execute', title: 'Go', verb: 'v' };
    default:
      throw new Error(`no example for ${type}`);
  }
}

/** A card that uses exactly the feature of a row, declared at `version`. */
function cardUsing(feature: SchemaFeature, version: SchemaVersion): Record<string, unknown> {
  const card: Record<string, unknown> = { type: 'AdaptiveCard', version, body: [] };
  if (feature.on === 'AdaptiveCard')
    return { ...card, [feature.property ?? '']: EXAMPLE_VALUES[feature.property ?? ''] };
  const node = base(feature.on);
  if (feature.property) node[feature.property] = exampleFor(feature.on, feature.property);
  const type = String(node.type);
  if (type.startsWith('Action.')) return { ...card, actions: [node] };
  if (type === 'Column') return { ...card, body: [{ type: 'ColumnSet', columns: [node] }] };
  if (type === 'TextRun') return { ...card, body: [{ type: 'RichTextBlock', inlines: [node] }] };
  return { ...card, body: [node] };
}

const before = (version: SchemaVersion): SchemaVersion =>
  SCHEMA_VERSIONS[SCHEMA_VERSIONS.indexOf(version) - 1] ?? '1.0';
const aboutVersions = (problems: string[]) =>
  problems.filter((p) => /supported in version|Unknown (element|action) type/.test(p));

/**
 * Rows the adaptivecards library does not check by version (it reads them at any version): their versions come from
 * the schema explorer (adaptivecards.io/explorer) alone. Every other row is confirmed by the library both ways: fine
 * at the row's version, flagged one version below.
 */
const LIBRARY_DOES_NOT_CHECK = new Set([
  'Column.width',
  '*.fallback',
  '*.rtl',
  'Input.Text.inlineAction',
  'ColumnSet.style',
  'Container.backgroundImage',
  'Column.backgroundImage',
]);

describe('schema versions: the table of what is newer than 1.0', () => {
  for (const feature of SCHEMA_FEATURES) {
    const name = [feature.on, feature.property].filter(Boolean).join('.');
    it(`${name} needs ${feature.version}, and the adaptivecards library agrees`, () => {
      const card = cardUsing(feature, feature.version);
      expect(schemaVersionOf(card)).toBe(feature.version);
      expect(aboutVersions(libraryProblems(card, feature.version))).toEqual([]);
      const older = before(feature.version);
      const flagged = aboutVersions(libraryProblems(card, older)).length > 0;
      expect(flagged, `the library flags ${name} at ${older}`).toBe(!LIBRARY_DOES_NOT_CHECK.has(name));
    });
  }

  it('a card of 1.0 things only needs 1.0; the highest need wins; button data is not card structure', () => {
    const plain = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x', weight: 'Bolder' }] };
    expect(schemaVersionOf(plain)).toBe('1.0');
    const mixed = {
      type: 'AdaptiveCard',
      body: [
        { type: 'ActionSet', actions: [] },
        { type: 'Input.Text', id: 'a', label: 'A' },
      ],
      actions: [{ type: 'Action.Submit', title: 'Go', data: { verb: 'v', type: 'Table', rtl: true } }],
    };
    expect(schemaVersionOf(mixed)).toBe('1.3');
  });

  it('turning Execute into Submit declares the lower version it then needs, keeping every other property', () => {
    const card = {
      type: 'AdaptiveCard' as const,
      version: '1.4',
      body: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'A', verb: 'a', data: { id: 1 } }] }],
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'More',
          card: {
            type: 'AdaptiveCard',
            actions: [{ type: 'Action.Execute', title: 'B', verb: 'b', associatedInputs: 'auto' }],
          },
        },
      ],
    };
    const submitted = withSubmitActions(card);
    expect(submitted).toEqual({
      type: 'AdaptiveCard',
      version: '1.3',
      body: [{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'A', data: { id: 1, verb: 'a' } }] }],
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'More',
          card: {
            type: 'AdaptiveCard',
            actions: [{ type: 'Action.Submit', title: 'B', associatedInputs: 'auto', data: { verb: 'b' } }],
          },
        },
      ],
    });
    expect(validateCard(submitted)).toEqual([]);
    expect(card.actions[0]?.card.actions[0]?.type).toBe('Action.Execute');
  });
});
