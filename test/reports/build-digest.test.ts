import { describe, expect, it } from 'vitest';
import { buildDigestCard, MAX_CARD_BYTES, nothingNewLine } from '../../src/reports/cards/digest-card.js';
import { buildDigest } from '../../src/reports/domain/build-digest.js';
import { cardText } from '../helpers/bot-harness.js';
import { validateCard } from '../helpers/card-validation.js';
import { NOVEMBER, novemberInputs, yswd } from './report-fixtures.js';

describe('digest computation (pure, fixture data)', () => {
  it('computes every figure for all directorates', () => {
    const digest = buildDigest(novemberInputs());
    expect(digest.items.map((i) => i.youSaid)).toEqual(['Said y4', 'Said y2', 'Said y1']);
    expect(digest.items[1]).toMatchObject({ joint: true, outcome: 'We did: Did y2', directorate: 'Finance' });
    expect(digest.engagement.map(({ id: _id, ...rest }) => rest)).toEqual([
      { category: 'Informing', activities: 1, people: 40 },
      { category: 'Involving', activities: 3, people: 25 },
      { category: 'Reported by partnership champions only', activities: 1, people: 6 },
    ]);
    expect(digest.peopleReached).toBe(71);
    // (8×10 + 9×30) / 40 = 8.75 → 8.8; (6×10 + 7×30) / 40 = 6.75 → 6.8
    expect(digest.feedback).toEqual({ surveys: 2, responses: 40, valued: 8.8, impact: 6.8 });
    expect(digest.pirsReceived).toBe(3);
    expect(digest.pirsAssessed).toBe(2);
    expect(digest.rungs).toEqual([
      { rung: 'Consultation', count: 1 },
      { rung: 'Co-design', count: 2 },
    ]);
    // Champions count for check-ins due in November only: one answered, one open; the September one does not count.
    expect(digest.champions).toEqual({ asked: 2, answered: 1 });
    expect(digest.isEmpty).toBe(false);
  });

  it('filters everything by directorate', () => {
    const digest = buildDigest(novemberInputs(), { directorate: 'it' });
    expect(digest.directorate).toBe('IT');
    expect(digest.items.map((i) => i.youSaid)).toEqual(['Said y4']);
    expect(digest.engagement).toEqual([{ id: 'involving', category: 'Involving', activities: 1, people: 5 }]);
    expect(digest.feedback).toEqual({ surveys: 0, responses: 0 });
    expect([digest.pirsReceived, digest.pirsAssessed]).toEqual([1, 0]);
    expect(digest.champions).toEqual({ asked: 1, answered: 0 });
  });

  it('says "nothing new" in one line for an empty period, and unapproved items do not count', () => {
    const inputs = {
      ...novemberInputs(),
      engagement: [],
      feedback: [],
      involvement: [],
      pirs: [],
      yswd: [yswd('p', '2026-11-02', false)],
    };
    const digest = buildDigest(inputs);
    expect(digest.isEmpty).toBe(true);
    expect(nothingNewLine(digest)).toBe(
      'Nothing new for November 2026: no signed-off “You said, we did” items, engagement, feedback or requests.',
    );
  });
});

describe('digest card', () => {
  it('is a valid card that highlights "We said, we did" and draws the rung bars', () => {
    const card = buildDigestCard(buildDigest(novemberInputs()));
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('November 2026');
    expect(text).toContain('We said, we did: decided together with patients');
    expect(text).toContain('valued 8.8/10, impact 6.8/10 (40 forms, 2 activities)');
    expect(text).toContain('1 of 2 asked (50%)');
    expect(JSON.stringify(card)).toContain('"width":2');
  });

  it('stays under 28 KB with "and N more" however many long items there are', () => {
    const long = 'x'.repeat(2_000);
    const many = Array.from({ length: 300 }, (_, i) =>
      yswd(`y${i}`, `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, true, {}, { youSaid: long, weDid: long }),
    );
    const card = buildDigestCard(buildDigest({ ...novemberInputs(), yswd: many }));
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardText(card)).toMatch(/…and 29\d more signed-off items this period\./);
    expect(NOVEMBER.key).toBe('2026-11');
  });
});
