import { STATUS_LABELS } from '../pir/domain/pir.js';
import { labelOf, referenceData } from '../reference-data/reference-data.js';
import type { PeriodInputs } from './period-inputs.js';

const COLUMNS = [
  'record',
  'date',
  'directorate',
  'reference_or_project',
  'category_or_status',
  'people_or_forms',
  'valued_avg',
  'impact_avg',
  'you_said',
  'outcome',
  'we_said_we_did',
  'signed_off',
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string | number | boolean | undefined>>;

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula (= + - @ tab CR). */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const dir = (id: string | undefined) => labelOf(referenceData.directorates, id ?? '');

/** The quarter's underlying records, one row each, for the PPI team to build the Board paper. */
export function toBoardReportCsv(inputs: PeriodInputs): string {
  const { startKey, endKey } = inputs.period;
  const inQuarter = (iso: string | undefined) =>
    iso !== undefined && iso.slice(0, 10) >= startKey && iso.slice(0, 10) <= endKey;
  const rows: Row[] = [
    ...inputs.pirs
      .filter((p) => inQuarter(p.submittedAt))
      .map((p) => ({
        record: 'involvement request',
        date: p.submittedAt?.slice(0, 10),
        directorate: dir(p.answers.directorate),
        reference_or_project: `${p.reference ?? ''} ${p.answers.title ?? ''}`.trim(),
        category_or_status: `${STATUS_LABELS[p.status]}; planned: ${labelOf(referenceData.ladderRungs, p.answers.rung ?? '')}`,
      })),
    ...inputs.engagement.map((d) => ({
      record: 'engagement',
      date: d.date,
      directorate: dir(d.directorate),
      reference_or_project: str(d.values.project) ?? str(d.values.pirReference),
      category_or_status: labelOf(referenceData.engagementCategories, d.category ?? ''),
      people_or_forms: typeof d.values.people === 'number' ? d.values.people : undefined,
    })),
    ...inputs.involvement.map((i) => ({
      record: 'champion involvement',
      date: i.activityDate,
      directorate: dir(i.directorate),
      reference_or_project: i.projectName,
      category_or_status: labelOf(referenceData.ladderRungs, i.rungId),
      people_or_forms: i.peopleCount,
      outcome: i.whatPatientsShaped,
    })),
    ...inputs.feedback.map((d) => ({
      record: 'feedback survey',
      date: d.date,
      directorate: dir(d.directorate),
      reference_or_project: str(d.values.activityName),
      people_or_forms: typeof d.values.responses === 'number' ? d.values.responses : undefined,
      valued_avg: typeof d.values.valued === 'number' ? d.values.valued : undefined,
      impact_avg: typeof d.values.impact === 'number' ? d.values.impact : undefined,
    })),
    ...inputs.yswd.map((d) => ({
      record: 'you said we did',
      date: d.date,
      directorate: dir(d.directorate),
      reference_or_project: str(d.values.project) ?? str(d.values.pirReference),
      category_or_status: str(d.values.status),
      you_said: str(d.values.youSaid),
      outcome:
        d.values.outcome === 'we-did'
          ? `We did: ${str(d.values.weDid) ?? ''}`
          : `Could not change: ${str(d.values.whyNot) ?? ''}`,
      we_said_we_did: d.values.joint === true,
      signed_off: d.approval?.status === 'approved',
    })),
  ];
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
