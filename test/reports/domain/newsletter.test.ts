import { describe, expect, it } from 'vitest';
import {
  newsletterPeriodFromKey,
  newsletterText,
  parseNewsletterPeriod,
} from '../../../src/reports/domain/newsletter.js';
import { q3Inputs } from '../q3-fixture.js';

const NOW = new Date('2027-01-05T10:00:00Z');

describe('newsletter periods', () => {
  it('reads last month, a month by name or key, and every quarter form of `report`', () => {
    const read = (text: string) => {
      const p = parseNewsletterPeriod(text, NOW, 'financial');
      return [p.key, p.period.startKey, p.period.endKey, p.name];
    };
    expect(read('')).toEqual(['month:2026-12', '2026-12-01', '2026-12-31', 'December 2026']);
    expect(read('November 2026')).toEqual(['month:2026-11', '2026-11-01', '2026-11-30', 'November 2026']);
    expect(read('nov 2026')).toEqual(['month:2026-11', '2026-11-01', '2026-11-30', 'November 2026']);
    expect(read('2026-02')).toEqual(['month:2026-02', '2026-02-01', '2026-02-28', 'February 2026']);
    expect(read('Q3 2026/27')).toEqual([
      'quarter:2026-Q4',
      '2026-10-01',
      '2026-12-31',
      'Q3 2026/27 (October to December 2026)',
    ]);
    expect(() => parseNewsletterPeriod('Smarch 2026', NOW, 'financial')).toThrow(/couldn't read "Smarch 2026"/);
    expect(() => parseNewsletterPeriod('2026-13', NOW, 'financial')).toThrow(/couldn't read/);
  });

  it('rebuilds the period a download link names, and nothing else', () => {
    expect(newsletterPeriodFromKey('month:2026-11', 'financial')?.name).toBe('November 2026');
    expect(newsletterPeriodFromKey('quarter:2026-Q4', 'financial')?.name).toBe('Q3 2026/27 (October to December 2026)');
    expect(newsletterPeriodFromKey('../../etc', 'financial')).toBeUndefined();
    expect(newsletterPeriodFromKey('month:2026-1', 'financial')).toBeUndefined();
  });
});

describe('the newsletter text', () => {
  it('is the signed-off items only, "We said, we did" first, with no names or references', () => {
    const { text, items } = newsletterText(q3Inputs(), 'Q3 2026/27 (October to December 2026)');
    expect(items).toBe(4);
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('You said, we did: Q3 2026/27 (October to December 2026)');
    expect(blocks[2]).toBe(
      [
        'You said: Said y2',
        'We did: Menu changed together',
        'We said, we did: we decided this together with patients.',
        '(IT, November 2026)',
      ].join('\n'),
    );
    expect(blocks.slice(3)).toEqual([
      'You said: Said y5\nWe did: Did y5\n(Estates and Facilities (retired), December 2026)',
      'You said: More parking\nWe could not change this, because: Parking is run by the council\n(Finance, December 2026)',
      'You said: Signs are confusing\nWe did: Added signs\n(Finance, October 2026)',
    ]);
    // y1 names PIR-2026-0102 and every item has an author: neither is in the text. The pending y4 is not either.
    expect(text).not.toMatch(/PIR-|Priya|y4/);
  });

  it('says so when nothing was signed off', () => {
    expect(newsletterText({ ...q3Inputs(), yswd: [] }, 'May 2027').text).toBe(
      'You said, we did: May 2027\n\nNo “You said, we did” items were signed off for this period.\n',
    );
  });
});
