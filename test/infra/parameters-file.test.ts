import { describe, expect, it } from 'vitest';
import { decorator, literal } from './bicep/template.js';
import { evaluator, operatorParams, parametersFile, template } from './deployment-fixture.js';

/** infra/main.parameters.json: names only declared params, holds no secret, and satisfies each param's constraints. */

const declared = template.params;
const fileValues = parametersFile.parameters;

describe('infra/main.parameters.json', () => {
  it('is an ARM deployment parameters file', () => {
    expect(parametersFile.$schema).toBe(
      'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
    );
    expect(parametersFile.contentVersion).toBe('1.0.0.0');
  });

  it('names only parameters the template declares', () => {
    for (const name of Object.keys(fileValues)) expect(declared.has(name), `${name} is not a param`).toBe(true);
  });

  it('holds no secret: the @secure() params are given on the command line, and no value is a Key Vault lookup', () => {
    for (const [name, entry] of Object.entries(fileValues)) {
      expect(decorator(declared.get(name) ?? { decorators: [] }, 'secure'), name).toBeUndefined();
      expect(entry.reference, `${name} uses a Key Vault reference`).toBeUndefined();
    }
  });

  it('gives every param that has no default, except the secrets, a value', () => {
    for (const param of declared.values()) {
      if (param.value || decorator(param, 'secure')) continue;
      expect(fileValues[param.name], `${param.name} has no default and is not in the file`).toBeDefined();
    }
  });

  it("keeps each value within its param's @allowed, length and range constraints", () => {
    for (const [name, entry] of Object.entries(fileValues)) {
      const param = declared.get(name);
      if (!param) continue;
      const v = entry.value;
      const allowed = literal(decorator(param, 'allowed')?.args[0]);
      if (Array.isArray(allowed)) expect(allowed, name).toContain(v);
      const min = literal(decorator(param, 'minLength')?.args[0]);
      const max = literal(decorator(param, 'maxLength')?.args[0]);
      if (typeof v === 'string' || Array.isArray(v)) {
        if (typeof min === 'number') expect(v.length, `${name} minLength`).toBeGreaterThanOrEqual(min);
        if (typeof max === 'number') expect(v.length, `${name} maxLength`).toBeLessThanOrEqual(max);
      }
      const minValue = literal(decorator(param, 'minValue')?.args[0]);
      const maxValue = literal(decorator(param, 'maxValue')?.args[0]);
      if (typeof v === 'number') {
        if (typeof minValue === 'number') expect(v, `${name} minValue`).toBeGreaterThanOrEqual(minValue);
        if (typeof maxValue === 'number') expect(v, `${name} maxValue`).toBeLessThanOrEqual(maxValue);
      }
      const type = param.type;
      const kind = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
      const expected = { string: 'string', int: 'number', bool: 'boolean', array: 'array', object: 'object' }[type];
      expect(kind, `${name} is declared ${type}`).toBe(expected);
    }
  });

  it('builds valid Azure resource names from the file and from the defaults', () => {
    for (const params of [operatorParams(), operatorParams({ namePrefix: 'a-very-long-prefix-x' })]) {
      const e = evaluator(params);
      expect(String(e.output('STORAGE_ACCOUNT_NAME'))).toMatch(/^[a-z0-9]{3,24}$/);
      expect(String(e.output('KEY_VAULT_NAME'))).toMatch(/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/);
      expect(String(e.output('KEY_VAULT_NAME'))).not.toContain('--');
      expect(String(e.output('WEB_APP_NAME'))).toMatch(/^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$/);
      expect(String(e.output('BOT_RESOURCE_NAME'))).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/);
    }
  });
});
