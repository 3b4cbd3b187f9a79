import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalDataKind } from '../../src/personal-data/find-personal-data.js';
import { maskPersonalData } from '../../src/personal-data/mask-personal-data.js';
import { normaliseText } from '../../src/personal-data/normalise-text.js';
import { type PastedCase, pastedCases } from './pasted-variants.js';

const RUNS = 4000;
const tally = new Map<PersonalDataKind, { generated: number; caught: number; asKind: number }>();

function count(c: PastedCase, caught: boolean, asKind: boolean): void {
  const t = tally.get(c.kind) ?? { generated: 0, caught: 0, asKind: 0 };
  tally.set(c.kind, {
    generated: t.generated + 1,
    caught: t.caught + Number(caught),
    asKind: t.asKind + Number(asKind),
  });
}

/** The masked text, normalised and with separators and case folded, so a disguised value cannot hide in it. */
const folded = (text: string) =>
  normaliseText(text)
    .text.replace(/[\s.\-/()@]/g, '')
    .toLowerCase();

afterAll(() => {
  for (const [kind, t] of tally) {
    console.log(
      `guard variants: ${kind}: ${t.generated} generated, ${t.caught} caught, ${t.asKind} named as ${kind}, ` +
        `${t.generated - t.caught} missed`,
    );
  }
});

describe('the personal-data guard on text as people paste it', () => {
  it.each(Object.keys(pastedCases) as PersonalDataKind[])(
    'catches every generated %s (separators, groupings, invisible characters, other scripts), and masks it',
    (kind) => {
      fc.assert(
        fc.property(pastedCases[kind], (c) => {
          const kinds = findPersonalData(c.text).map((f) => f.kind);
          count(c, kinds.length > 0, kinds.includes(kind));
          expect(kinds.length, JSON.stringify(c.text)).toBeGreaterThan(0);
          const masked = maskPersonalData(c.text);
          expect(findPersonalData(masked), JSON.stringify(masked)).toEqual([]);
          expect(folded(masked)).not.toContain(folded(c.plain));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('names NHS numbers, emails and postcodes as what they are; a phone number is named a phone number', () => {
    for (const kind of ['nhs-number', 'email', 'postcode', 'phone-number'] as const) {
      fc.assert(
        fc.property(pastedCases[kind], (c) => {
          // An NHS number straight after "+44" or a lone "0" in random text may read as a phone number: still caught.
          const kinds = findPersonalData(c.text).map((f) => f.kind);
          const randomNeighbours = !/^[\sA-Za-z:.(,]*$/.test(c.before);
          if (!randomNeighbours) expect(kinds, JSON.stringify(c.text)).toContain(kind);
        }),
        { numRuns: RUNS / 4 },
      );
    }
  });
});
