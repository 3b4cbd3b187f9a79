// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Bicep source text, whose interpolation is ${...}
import { describe, expect, it } from 'vitest';
import { parseBicep, sourceOf } from './bicep/parse.js';
import { literal } from './bicep/template.js';
import { BicepSyntaxError, tokenize } from './bicep/tokenize.js';

/** The offline Bicep checker's own tests: it must refuse what Bicep refuses, or the template tests prove nothing. */

describe('Bicep tokenizer', () => {
  it('reads strings with escapes and interpolation, comments and multi-line strings', () => {
    const tokens = tokenize("// note\nvar a = 'it\\'s ${b.c} and ${ d ? '}' : 'x' }' /* x\ny */ '''raw ${no}'''\n");
    const strings = tokens.filter((t) => t.kind === 'string');
    expect(strings.map((t) => (t.kind === 'string' ? t.segments : []))).toEqual([
      ["it's ", ' and ', ''],
      ['raw ${no}'],
    ]);
    expect(tokens.at(-1)?.line).toBe(4);
  });

  it.each([
    ['an unclosed brace', "resource a 'x@1' = {\n  name: 'a'\n", /line 1: "\{" opened here is never closed/],
    ['a mismatched bracket', 'var a = [\n  1\n}\n', /line 3: "}" closes the "\[" opened on line 1/],
    ['a closer with no opener', 'var a = 1)\n', /line 1: "\)" closes nothing/],
    ['an unterminated string', "var a = 'abc\n", /runs past the end of its line/],
    ['an unclosed interpolation', "var a = 'x${b", /an interpolation \$\{\.\.\.\} is not closed/],
    ['an empty interpolation', "var a = 'x${}'\n", /is empty/],
    ['an unknown escape', "var a = 'x\\q'\n", /not a Bicep string escape/],
    ['an unclosed comment', 'var a = 1 /* x\n', /comment is never closed/],
    ['a stray character', 'var a = #1\n', /unexpected character "#"/],
  ])('refuses %s with the line', (_what, source, message) => {
    expect(() => tokenize(source)).toThrow(BicepSyntaxError);
    expect(() => tokenize(source)).toThrow(message);
  });
});

describe('Bicep parser', () => {
  it('parses decorated params, vars, conditional resources and outputs into a tree', () => {
    const statements = parseBicep(
      [
        "@description('Where')",
        '@allowed([',
        "  'uksouth'",
        "  'ukwest'",
        '])',
        "param location string = 'uksouth'",
        "var names = [for (n, i) in ['a', 'b']: '${n}${i}']",
        "resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (!empty(location)) {",
        "  name: 'x'",
        '  properties: {',
        "    level: location == 'uksouth' ? 'CanNotDelete' : 'ReadOnly'",
        "    '${location}': {}",
        '  }',
        '}',
        'output where string = lock.properties.level',
      ].join('\n'),
    );
    expect(statements.map((s) => s.kind)).toEqual(['param', 'var', 'resource', 'output']);
    const [param, , res, out] = statements;
    expect(param?.decorators.map((d) => [d.name, d.args.map(literal)])).toEqual([
      ['description', ['Where']],
      ['allowed', [['uksouth', 'ukwest']]],
    ]);
    expect(res?.kind === 'resource' && [res.type, res.apiVersion, res.value.kind]).toEqual([
      'Microsoft.Authorization/locks',
      '2020-05-01',
      'if',
    ]);
    expect(out?.kind === 'output' && sourceOf(out.value)).toBe('lock.properties.level');
  });

  it.each([
    ['a property given twice', 'var a = {\n  x: 1\n  x: 2\n}\n', /property "x" is given twice/],
    ['two properties on one line without a comma', 'var a = {\n  x: 1 y: 2\n}\n', /expected a new line/],
    ['a resource type without an api version', "resource a 'Microsoft.Web/sites' = {}\n", /type@api-version/],
    ['a param without a type', 'param a = 1\n', /expected a parameter type/],
    ['an unknown statement', 'frobnicate a = 1\n', /"frobnicate" statements are not supported/],
    ['two statements on one line', 'var a = 1 var b = 2\n', /expected the end of the line/],
    ['a decorator not on its own line', "@description('x') param a string\n", /expected the end of the line/],
    ['a dangling operator', 'var a = 1 ==\n', /expected a value/],
  ])('refuses %s', (_what, source, message) => {
    expect(() => parseBicep(source)).toThrow(BicepSyntaxError);
    expect(() => parseBicep(source)).toThrow(message);
  });
});
