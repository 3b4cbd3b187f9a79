import type { ReportVariant } from '../cards/board-report-card.js';

const COMMITTEE = /\s*\b(?:for|to)\s+(?:the\s+)?(?:pipeac|committee)\s*$/i;

/** Splits what follows `report`: the quarter, and "for PIPEAC" (the committee report) at the end. */
export function readReportRequest(text: string): { quarterText: string; variant: ReportVariant } {
  const committee = COMMITTEE.test(text);
  return { quarterText: text.replace(COMMITTEE, '').trim(), variant: committee ? 'committee' : 'board' };
}
