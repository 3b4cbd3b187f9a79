import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../src/calendar/calendar-input-error.js';
import {
  financialQuarter,
  isInProgress,
  lastCompleteQuarter,
  parseReportQuarter,
  quarterFromKey,
  quarterOfDate,
} from '../../src/calendar/report-quarter.js';

const NOW = new Date('2027-02-10T12:00:00Z');
const fy = (text: string, now = NOW) => parseReportQuarter(text, now, 'financial');
const months = (text: string, now = NOW) => {
  const q = fy(text, now);
  return [q.name, q.period.startKey, q.period.endKey];
};

function refusal(text: string, now = NOW, numbering: 'financial' | 'calendar' = 'financial'): string {
  try {
    parseReportQuarter(text, now, numbering);
  } catch (error) {
    if (error instanceof CalendarInputError) return error.message;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('financial-year quarters (Q1 = April to June)', () => {
  it('reads Q3 2026/27 in every accepted spelling as October to December 2026', () => {
    for (const text of [
      'Q3 2026/27',
      'q3 2026/27',
      '2026/27 Q3',
      'Q3 2026-27',
      'Q3 2026/2027',
      'Q3 FY2026/27',
      'Q3 2026–27',
      '  Q3   2026/27 ',
    ]) {
      expect(months(text), text).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    }
    const q = fy('Q3 2026/27');
    expect(q.months).toBe('October to December 2026');
    expect(q.period.label).toBe('Q3 2026/27 (October to December 2026)');
    expect(q.period.key).toBe('2026-Q4');
    expect(q.fileKey).toBe('Q3-2026-27');
  });

  it('puts Q4 in the next calendar year and Q1 in April', () => {
    expect(months('Q4 2026/27')).toEqual(['Q4 2026/27', '2027-01-01', '2027-03-31']);
    expect(fy('Q4 2026/27').months).toBe('January to March 2027');
    expect(months('Q1 2026/27')).toEqual(['Q1 2026/27', '2026-04-01', '2026-06-30']);
    expect(months('Q2 2026/27')).toEqual(['Q2 2026/27', '2026-07-01', '2026-09-30']);
    expect(months('Q4 2099/00', new Date('2100-05-01T12:00:00Z'))).toEqual(['Q4 2099/00', '2100-01-01', '2100-03-31']);
  });

  it('reads a bare Q3 as this financial year, by the UK date', () => {
    expect(months('Q3')).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    expect(months('Q4')).toEqual(['Q4 2026/27', '2027-01-01', '2027-03-31']);
  });

  it('gives the last complete quarter for a plain `report`', () => {
    expect(months('')).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    expect(months('last quarter')).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    expect(months('this quarter')).toEqual(['Q4 2026/27', '2027-01-01', '2027-03-31']);
  });

  it('turns the financial year at midnight UK time between 31 March and 1 April (BST has begun)', () => {
    // BST began on Sunday 28 March 2027: 22:59Z on the 31st is 23:59 BST, still 31 March.
    const lastMinute = new Date('2027-03-31T22:59:00Z');
    expect(months('Q3', lastMinute)).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    expect(months('', lastMinute)).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    expect(months('this quarter', lastMinute)).toEqual(['Q4 2026/27', '2027-01-01', '2027-03-31']);
    // 23:30Z on 31 March is 00:30 BST on 1 April: a new financial year (a UTC reading would still say 31 March).
    const firstMinutes = new Date('2027-03-31T23:30:00Z');
    expect(months('', firstMinutes)).toEqual(['Q4 2026/27', '2027-01-01', '2027-03-31']);
    expect(months('Q1', firstMinutes)).toEqual(['Q1 2027/28', '2027-04-01', '2027-06-30']);
    expect(refusal('Q3', firstMinutes)).toBe(
      "Q3 2027/28 (October to December 2027) hasn't started yet, so there is nothing to report.",
    );
  });

  it('rolls over the calendar year in GMT without changing the financial year', () => {
    expect(months('', new Date('2026-12-31T23:59:00Z'))).toEqual(['Q2 2026/27', '2026-07-01', '2026-09-30']);
    expect(months('', new Date('2027-01-01T00:00:00Z'))).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    expect(months('Q1', new Date('2027-01-01T00:00:00Z'))).toEqual(['Q1 2026/27', '2026-04-01', '2026-06-30']);
  });

  it('reads the quarter turn in BST (30 September 23:30Z is 1 October in London)', () => {
    const now = new Date('2026-09-30T23:30:00Z');
    expect(months('this quarter', now)).toEqual(['Q3 2026/27', '2026-10-01', '2026-12-31']);
    expect(months('', now)).toEqual(['Q2 2026/27', '2026-07-01', '2026-09-30']);
  });

  it('keeps the older 2026-Q3 form as the calendar quarter (July to September 2026), named as the Board names it', () => {
    const q = fy('2026-Q3');
    expect([q.name, q.period.startKey, q.period.endKey]).toEqual(['Q2 2026/27', '2026-07-01', '2026-09-30']);
    expect(q.note).toBe(
      '2026-Q3 is read as the calendar quarter July to September 2026, which the NHS financial year calls Q2 2026/27.',
    );
    expect(fy('2027 q1').name).toBe('Q4 2026/27');
  });

  it('asks which financial year a calendar year means', () => {
    expect(refusal('Q3 2026')).toBe(
      'Which financial year do you mean? Q3 2026/27 is October to December 2026; Q3 2025/26 is October to December 2025. Please write it like report Q3 2026/27.',
    );
  });

  it('answers nonsense with a sentence listing every accepted form', () => {
    for (const text of [
      'last year',
      'Q5 2026/27',
      'Q3 2026/28',
      'Q0',
      '2026/27',
      'quarter three',
      '=1+1',
      'x'.repeat(5000),
    ]) {
      const message = refusal(text);
      expect(message.length, text).toBeLessThan(400);
    }
    expect(refusal('last year')).toBe(
      '"last year" isn\'t a quarter I recognise. Please use one of: report (the last complete quarter), report Q3 (this financial year), report Q3 2026/27 or report 2026/27 Q3 (financial year: Q1 is April to June), or report 2026-Q3 (a calendar quarter: July to September 2026).',
    );
    expect(refusal('Q3 2026/28')).toBe(
      '"Q3 2026/28" isn\'t a financial year: it runs from April one year to March the next, so write it like 2026/27.',
    );
    expect(refusal('Q1 2030/31')).toBe(
      "Q1 2030/31 (April to June 2030) hasn't started yet, so there is nothing to report.",
    );
  });
});

describe('calendar numbering (by setting)', () => {
  const cal = (text: string, now = NOW) => parseReportQuarter(text, now, 'calendar');

  it('names quarters Q1 = January to March, and reads Q3 2026 and 2026-Q3 as July to September', () => {
    for (const text of ['Q3 2026', '2026-Q3', '2026 Q3']) {
      const q = cal(text);
      expect([q.name, q.period.startKey, q.period.endKey, q.note]).toEqual([
        'Q3 2026',
        '2026-07-01',
        '2026-09-30',
        undefined,
      ]);
      expect(q.period.label).toBe('Q3 2026 (July to September 2026)');
    }
    expect(cal('Q1').name).toBe('Q1 2027');
    expect(cal('').name).toBe('Q4 2026');
    expect(cal('Q3 2026/27').name).toBe('Q4 2026');
  });
});

describe('quarter helpers', () => {
  it('round-trips the stable key, knows a running quarter, and finds the quarter of a date', () => {
    expect(quarterFromKey('2026-Q4', 'financial')?.name).toBe('Q3 2026/27');
    expect(quarterFromKey('2026/27-Q3', 'financial')).toBeUndefined();
    expect(isInProgress(financialQuarter(2026, 4, 'financial'), NOW)).toBe(true);
    expect(isInProgress(financialQuarter(2026, 3, 'financial'), NOW)).toBe(false);
    expect(quarterOfDate('2027-03-31', 'financial').name).toBe('Q4 2026/27');
    expect(quarterOfDate('2027-04-01', 'financial').name).toBe('Q1 2027/28');
    expect(lastCompleteQuarter(new Date('2027-04-01T08:00:00Z'), 'financial').name).toBe('Q4 2026/27');
  });
});
