import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/personal-data/find-personal-data.js';
import { maskPersonalData } from '../../src/personal-data/mask-personal-data.js';
import { normaliseText } from '../../src/personal-data/normalise-text.js';
import { pastedCases, WORDS_AFTER, WORDS_BEFORE } from './pasted-variants.js';

describe('maskPersonalData', () => {
  it.each([
    ['NHS number 943 476 5919 seen today', 'NHS number 943 ••• •••• seen today'],
    ['NHS number 943\u00a0476\u00a05919 seen today', 'NHS number 943 ••• •••• seen today'],
    ['NHS number ９４３ ４７６ ５９１９.', 'NHS number 943 ••• ••••.'],
    ['NHS\tnumber\t9434\u200b765919\tseen', 'NHS\tnumber\t943•••••••\tseen'],
    ['patient ٩٤٣-٤٧٦-٥٩١٩ (Arabic-Indic digits)', 'patient 943-•••-•••• (Arabic-Indic digits)'],
    ['Call Mrs X on 07700 900123 after 5pm', 'Call Mrs X on 077•• •••••• after 5pm'],
    ['or +44 (0)20 7946 0958.', 'or +44 (0)•• •••• ••••.'],
    ['write to jo.bloggs@trust.nhs.uk please', 'write to j•••@•••.nhs.uk please'],
    ['write to jo.bloggs＠nhs．net please', 'write to j•••@•••.net please'],
    ['jo.bloggs at trust dot nhs dot uk', 'j•••@•••.nhs.uk'],
    ['lives at SW1A 1AA near the park', 'lives at SW1A ••• near the park'],
    ['lives at sw1a1aa', 'lives at sw1a •••'],
    [
      'Mrs X (NHS number 943 476 5919, jo@example.com) waited six hours.',
      'Mrs X (NHS number 943 ••• ••••, j•••@•••.com) waited six hours.',
    ],
    ['two numbers 943 476 5919 and 401 023 2137', 'two numbers 943 ••• •••• and 401 ••• ••••'],
  ])('masks %j as %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('returns text with nothing to hide exactly as it was, invisible characters and all', () => {
    const text = 'Ward\u00a07,\u200b28 beds — ext\u00a04521, Q3 2026/27, PIR-2026-0042';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('hides every generated variant, keeps the words around it, and is stable when applied again', () => {
    for (const arbitrary of Object.values(pastedCases)) {
      const plainNeighbours = arbitrary.filter((c) => WORDS_BEFORE.includes(c.before) && WORDS_AFTER.includes(c.after));
      fc.assert(
        fc.property(plainNeighbours, (c) => {
          const masked = maskPersonalData(c.text);
          expect(masked.startsWith(c.before), JSON.stringify([c.text, masked])).toBe(true);
          expect(masked.endsWith(c.after), JSON.stringify([c.text, masked])).toBe(true);
          expect(masked).toContain('•');
          expect(maskPersonalData(masked)).toBe(masked);
        }),
        { numRuns: 1000 },
      );
    }
  });

  it('never leaves anything the guard would find, whatever the text', () => {
    const likely = fc.string({
      unit: fc.constantFrom(...'0123456789 -.()+@/aAsSwWzZ\u00a0\u200b\t•'),
      maxLength: 120,
    });
    const digitsInScripts = fc.string({ unit: fc.constantFrom(...'0٠۰０१ 9٩۹９९ \u00a0-'), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(likely, digitsInScripts, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const masked = maskPersonalData(text);
        expect(findPersonalData(masked), JSON.stringify([text, masked])).toEqual([]);
        if (findPersonalData(text).length === 0) expect(masked).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('maps every character of the normalised text back to where it came from', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const n = normaliseText(text);
        expect(n.from).toHaveLength(n.text.length);
        expect(n.to).toHaveLength(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const from = n.from[i] ?? -1;
          const to = n.to[i] ?? -1;
          expect(from).toBeGreaterThanOrEqual(i === 0 ? 0 : (n.from[i - 1] ?? 0));
          expect(to).toBeGreaterThan(from);
          expect(to).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('stays fast on 100,000 characters full of near-misses', () => {
    const texts = [
      '943 476 '.repeat(12_500),
      '9 4 3 '.repeat(16_666),
      '０７７００ '.repeat(16_666),
      'jo@nhs.net '.repeat(9_090),
      'SW1A 1AA '.repeat(11_111),
      `${'\u200b'.repeat(99_990)}9434765919`,
    ];
    for (const text of texts) {
      const started = performance.now();
      maskPersonalData(text);
      expect(performance.now() - started, text.slice(0, 10)).toBeLessThan(3000);
    }
  });
});
