import { describe, expect, it } from 'vitest';
import type { FormSpec } from '../../src/forms/form-field.js';
import { formInputs } from '../../src/forms/form-inputs.js';
import { readForm, typedOnForm } from '../../src/forms/read-form.js';

const form: FormSpec = {
  fields: [
    {
      key: 'kind',
      label: 'Which kind?',
      kind: 'choice',
      required: true,
      choices: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    },
    {
      key: 'why',
      label: 'Why?',
      kind: 'longtext',
      required: (v) => v.kind === 'b',
      minLength: 3,
      maxLength: 20,
      hint: 'No names.',
    },
    { key: 'tags', label: 'Tags', kind: 'multi', required: false, choices: [{ id: 't', label: 'T' }] },
    { key: 'count', label: 'How many?', kind: 'number', required: false, min: 1, max: 5 },
  ],
  check: (v) => (v.kind === 'a' && v.count === 5 ? [{ key: 'count', message: 'Not five for A.' }] : []),
};

describe('the one form validator', () => {
  it('decides what is required from the other answers, and from what the form knows', () => {
    expect(readForm(form, { kind: 'a' })).toEqual({
      ok: true,
      values: { kind: 'a', why: undefined, tags: [], count: undefined },
    });
    expect(readForm(form, { kind: 'b' })).toMatchObject({
      ok: false,
      errors: [{ key: 'why', message: 'Please answer “Why”.' }],
    });
    const known: FormSpec = {
      fields: [{ key: 'note', label: 'Note', kind: 'text', required: (k) => k.button === 'no' }],
    };
    expect(readForm(known, {}, { known: { button: 'no' } }).ok).toBe(false);
    expect(readForm(known, {}, { known: { button: 'yes' } }).ok).toBe(true);
  });

  it('a draft keeps going without required answers; lengths, choices and numbers are still checked', () => {
    expect(readForm(form, {}, { mode: 'draft' }).ok).toBe(true);
    expect(readForm(form, { why: 'x'.repeat(21) }, { mode: 'draft' })).toMatchObject({
      ok: false,
      errors: [
        {
          key: 'why',
          message:
            'Please shorten this to 20 characters or fewer: it is 21. Nothing was cut: all of it is still here to edit.',
        },
      ],
    });
    const bad = readForm(form, { kind: 'c', tags: 't,zzz', count: '9' });
    expect(bad.ok || bad.errors.map((e) => e.key)).toEqual(['kind', 'tags', 'count']);
  });

  it('runs the form’s own rules over what passed, never on a field that already failed', () => {
    expect(readForm(form, { kind: 'a', count: '5' })).toMatchObject({
      ok: false,
      errors: [{ key: 'count', message: 'Not five for A.' }],
    });
    expect(readForm(form, { kind: 'a', count: '50' })).toMatchObject({
      ok: false,
      errors: [{ key: 'count', message: /from 1 to 5/ }],
    });
  });

  it('refuses personal data in free text and shows back only what was sent, masked', () => {
    const data = { kind: 'b', why: 'Call 07700 900123' };
    expect(readForm(form, data)).toMatchObject({ ok: false, message: /patient-identifiable/ });
    expect(typedOnForm(form, data)).toEqual({ kind: 'b', why: 'Call 077•• ••••••' });
  });

  it('renders every field in one style: "(required)" only when always required, the hint, then the error', () => {
    const [kind, why] = formInputs(form.fields, { errors: [{ key: 'why', message: 'Please say more.' }] });
    expect(JSON.stringify(kind)).toContain('Which kind? (required)');
    const text = JSON.stringify(why);
    expect(text).not.toContain('(required)');
    expect(text.indexOf('No names.')).toBeLessThan(text.indexOf('Please say more.'));
  });
});
