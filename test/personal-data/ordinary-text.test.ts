import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalDataKind } from '../../src/personal-data/find-personal-data.js';
import { maskPersonalData } from '../../src/personal-data/mask-personal-data.js';
import { ORDINARY_PROJECT_TEXT } from './ordinary-project-text.js';
import { digitGrouping, invalidTenDigits, sprinkleInvisible } from './pasted-variants.js';

/** The sentence as Word or Outlook might paste it: non-breaking spaces, full-width digits, a zero-width space. */
function asPasted(sentence: string, variant: number): string {
  const spaces = variant % 2 === 0 ? sentence.replace(/ /g, '\u00a0') : sentence.replace(/ /g, '\u202f');
  const digits = variant % 3 === 0 ? spaces.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d))) : spaces;
  return variant % 5 === 0 ? digits.replace(/(\S)(\S)/, '$1\u200b$2') : digits;
}

describe('ordinary project text passes the guard', () => {
  it('has a corpus of at least 200 distinct sentences', () => {
    expect(new Set(ORDINARY_PROJECT_TEXT).size).toBe(ORDINARY_PROJECT_TEXT.length);
    expect(ORDINARY_PROJECT_TEXT.length).toBeGreaterThanOrEqual(200);
  });

  it('lets every sentence through, as typed and as pasted from Word (false positives: none)', () => {
    const flagged: string[] = [];
    let checked = 0;
    for (const sentence of ORDINARY_PROJECT_TEXT) {
      for (const text of [sentence, asPasted(sentence, 0), asPasted(sentence, 1), asPasted(sentence, 5)]) {
        checked++;
        if (findPersonalData(text).length > 0) flagged.push(text);
      }
    }
    console.log(
      `guard corpus: ${ORDINARY_PROJECT_TEXT.length} sentences, ${checked} texts checked (typed and pasted), ` +
        `${flagged.length} false positives`,
    );
    expect(flagged).toEqual([]);
  });

  it('shows every sentence back unchanged', () => {
    for (const sentence of ORDINARY_PROJECT_TEXT) expect(maskPersonalData(sentence)).toBe(sentence);
  });

  it('rarely flags ten random digits that are not an NHS number, and never as an NHS number', () => {
    const byKind = new Map<PersonalDataKind, number>();
    let flagged = 0;
    const samples = fc.sample(
      invalidTenDigits.chain((ten) => digitGrouping(ten).chain(sprinkleInvisible)),
      20_000,
    );
    for (const digits of samples) {
      const kinds = findPersonalData(`Reference ${digits} logged.`).map((f) => f.kind);
      if (kinds.length > 0) flagged++;
      for (const kind of kinds) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    const rate = flagged / samples.length;
    console.log(
      `guard random ten digits (failing modulus 11): ${samples.length} tried, ${flagged} flagged ` +
        `(${(rate * 100).toFixed(2)}%), by kind ${JSON.stringify(Object.fromEntries(byKind))}`,
    );
    expect(byKind.get('nhs-number') ?? 0).toBe(0);
    // Only ten digits that are also a UK phone number (01… or 0800…: about 1 in 100) may be flagged.
    expect(rate).toBeLessThan(0.02);
  });
});
