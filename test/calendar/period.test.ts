import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../src/calendar/calendar-input-error.js';
import { addLondonDays, fromLondonLocal, weekdayOfDateKey } from '../../src/calendar/london-time.js';
import { type PeriodKind, parseQuarter, periodContaining, previousPeriod } from '../../src/calendar/period.js';

const at = (iso: string) => new Date(iso);
const noon = (dateKey: string) => at(`${dateKey}T12:00:00Z`);
const kinds: PeriodKind[] = ['weekly', 'monthly', 'quarterly', 'six-monthly'];

describe('periodContaining', () => {
  it('gives ISO weeks Monday to Sunday', () => {
    expect(periodContaining('weekly', noon('2026-11-18'))).toEqual({
      kind: 'weekly',
      key: '2026-W47',
      startKey: '2026-11-16',
      endKey: '2026-11-22',
      label: 'Week commencing Monday 16 November 2026',
    });
  });

  it('numbers ISO weeks around year ends (2026 has 53 weeks)', () => {
    const week = (dateKey: string) => periodContaining('weekly', noon(dateKey));
    expect(week('2026-01-01')).toMatchObject({ key: '2026-W01', startKey: '2025-12-29', endKey: '2026-01-04' });
    expect(week('2025-12-29').key).toBe('2026-W01');
    expect(week('2025-12-28').key).toBe('2025-W52');
    expect(week('2026-12-28')).toMatchObject({ key: '2026-W53', startKey: '2026-12-28', endKey: '2027-01-03' });
    expect(week('2027-01-03').key).toBe('2026-W53');
    expect(week('2027-01-04').key).toBe('2027-W01');
    expect(week('2024-12-30').key).toBe('2025-W01');
    expect(week('2020-12-31').key).toBe('2020-W53');
    expect(week('2027-12-31').key).toBe('2027-W52');
  });

  it('gives months, calendar quarters and halves', () => {
    const instant = noon('2026-11-18');
    expect(periodContaining('monthly', instant)).toEqual({
      kind: 'monthly',
      key: '2026-11',
      startKey: '2026-11-01',
      endKey: '2026-11-30',
      label: 'November 2026',
    });
    expect(periodContaining('quarterly', instant)).toEqual({
      kind: 'quarterly',
      key: '2026-Q4',
      startKey: '2026-10-01',
      endKey: '2026-12-31',
      label: 'Q4 2026 (October to December)',
    });
    expect(periodContaining('six-monthly', instant)).toEqual({
      kind: 'six-monthly',
      key: '2026-H2',
      startKey: '2026-07-01',
      endKey: '2026-12-31',
      label: 'H2 2026 (July to December)',
    });
    expect(periodContaining('six-monthly', noon('2026-06-30'))).toMatchObject({
      key: '2026-H1',
      startKey: '2026-01-01',
      endKey: '2026-06-30',
    });
    expect(periodContaining('monthly', noon('2028-02-10')).endKey).toBe('2028-02-29');
    expect(periodContaining('monthly', noon('2027-02-10')).endKey).toBe('2027-02-28');
  });

  it('uses the London date at BST boundaries', () => {
    // 23:30Z on 30 June / 31 March is already the next day in London (BST).
    expect(periodContaining('monthly', at('2026-06-30T23:30:00Z')).key).toBe('2026-07');
    expect(periodContaining('quarterly', at('2026-06-30T23:30:00Z')).key).toBe('2026-Q3');
    expect(periodContaining('six-monthly', at('2026-06-30T23:30:00Z')).key).toBe('2026-H2');
    expect(periodContaining('quarterly', at('2026-03-31T23:30:00Z')).key).toBe('2026-Q2');
    expect(periodContaining('weekly', at('2026-07-19T23:30:00Z')).key).toBe('2026-W30');
    // In GMT, 23:30Z is still the same London day.
    expect(periodContaining('quarterly', at('2026-12-31T23:30:00Z')).key).toBe('2026-Q4');
    expect(periodContaining('weekly', at('2026-11-22T23:30:00Z')).key).toBe('2026-W47');
    expect(periodContaining('weekly', fromLondonLocal(2026, 10, 25, 1, 30)).key).toBe('2026-W43');
  });
});

describe('previousPeriod', () => {
  it('steps back across year boundaries', () => {
    const newYear = noon('2027-01-01');
    expect(previousPeriod('weekly', newYear)).toMatchObject({ key: '2026-W52', startKey: '2026-12-21' });
    expect(previousPeriod('monthly', newYear)).toMatchObject({ key: '2026-12', startKey: '2026-12-01' });
    expect(previousPeriod('quarterly', newYear)).toMatchObject({ key: '2026-Q4', endKey: '2026-12-31' });
    expect(previousPeriod('six-monthly', newYear)).toMatchObject({ key: '2026-H2', startKey: '2026-07-01' });
    expect(previousPeriod('weekly', noon('2026-01-01')).key).toBe('2025-W52');
    expect(previousPeriod('quarterly', noon('2026-05-01')).key).toBe('2026-Q1');
  });

  it('tiles time with no gaps or overlaps', () => {
    for (let offset = 0; offset < 800; offset += 3) {
      const dateKey = addLondonDays('2025-11-01', offset);
      for (const kind of kinds) {
        const current = periodContaining(kind, noon(dateKey));
        const previous = previousPeriod(kind, noon(dateKey));
        expect(addLondonDays(previous.endKey, 1)).toBe(current.startKey);
        expect(current.startKey <= dateKey && dateKey <= current.endKey).toBe(true);
        if (kind === 'weekly') {
          expect(weekdayOfDateKey(current.startKey)).toBe(1);
          expect(addLondonDays(current.startKey, 6)).toBe(current.endKey);
        }
      }
    }
  });
});

describe('parseQuarter', () => {
  it('reads a calendar quarter', () => {
    expect(parseQuarter('2026-Q3')).toEqual({
      kind: 'quarterly',
      key: '2026-Q3',
      startKey: '2026-07-01',
      endKey: '2026-09-30',
      label: 'Q3 2026 (July to September)',
    });
    expect(parseQuarter(' 2027-q1 ')).toMatchObject({ key: '2027-Q1', startKey: '2027-01-01', endKey: '2027-03-31' });
    expect(parseQuarter('2026 Q4')).toEqual(periodContaining('quarterly', noon('2026-11-18')));
  });

  it.each(['2026-Q5', '2026-Q0', 'Q3', '2026', '26-Q3', 'next quarter', ''])(
    'rejects %j with a plain message',
    (text) => {
      expect(() => parseQuarter(text)).toThrow(CalendarInputError);
      expect(() => parseQuarter(text)).toThrow(/isn't a quarter I recognise.*2026-Q3/);
    },
  );
});
