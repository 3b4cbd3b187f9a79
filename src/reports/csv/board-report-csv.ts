import { londonDateKey } from '../../calendar/london-time.js';
import { STATUS_LABELS } from '../../pir/domain/pir.js';
import { engagementActivity } from '../../records/domain/describe-record.js';
import { YSWD_STATUSES } from '../../records/domain/record-kinds.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { labelFrom, labelsOf } from '../domain/labels.js';
import { matchSameEvents } from '../domain/people-reached.js';
import { within } from '../domain/request-figures.js';
import type { PeriodInputs } from '../store/period-inputs.js';

/** Column headings that explain themselves to someone opening the file in Excel with no other context. */
const COLUMNS = {
  type: 'Record type',
  date: 'Date (YYYY-MM-DD)',
  directorate: 'Directorate or clinical management group',
  reference: 'Patient Involvement Request reference',
  project: 'Project, activity or event',
  category: 'Category, status or answer',
  rung: 'Ladder of engagement rung',
  people: 'Number of people',
  sameEvent: 'Same event as engagement record (id)',
  forms: 'Feedback forms returned',
  valued: 'Felt valued by the project lead, average score (1 to 10)',
  impact: 'Expect their participation to have an impact, average score (1 to 10)',
  viewsYes: 'Could express all their views: yes',
  viewsNo: 'Could express all their views: no',
  againYes: 'Would take part again: yes',
  againNo: 'Would take part again: no',
  said: 'What people said, what patients shaped, or why not',
  outcome: 'What we did, or why it could not change',
  joint: 'We said, we did (decided jointly with patients)',
  signedOff: 'Signed off by the PPI team',
  told: 'Participants told what happened (how, and when)',
  id: 'Record id',
} as const;

type Column = keyof typeof COLUMNS;
type Cell = string | number | boolean | undefined;
type Row = Partial<Record<Column, Cell>>;

const ORDER = Object.keys(COLUMNS) as Column[];

/**
 * One cell, RFC 4180: quoted when it holds a comma, quote or line break (quotes doubled). A leading quote stops a
 * spreadsheet running text as a formula: = + - @ (also their full-width forms), tab and carriage return.
 */
export function csvCell(value: Cell): string {
  let text = value === undefined ? '' : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  if (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** "Yes: at the next group meeting (2026-11-20)", "No", or empty for a record that does not ask. */
function toldCell(values: Readonly<Record<string, unknown>>): string | undefined {
  if (values.participantsTold === true) {
    const on = str(values.toldOn);
    const detail = [str(values.toldHow), on && `(${on})`].filter(Boolean).join(' ');
    return detail ? `Yes: ${detail}` : 'Yes';
  }
  return values.participantsTold === false ? 'No' : undefined;
}

/**
 * The quarter's underlying records for Excel: UTF-8 with a byte-order mark (so Excel on Windows reads é and “ ”),
 * CRLF line ends, a header row, then one row per record: requests received, engagement records, champions' logged
 * involvement and check-ins, feedback survey results and "You said, we did" items.
 */
export function toBoardReportCsv(inputs: PeriodInputs): string {
  const { period } = inputs;
  const labels = labelsOf(inputs.lists);
  const sameEvent = matchSameEvents(inputs.engagement, inputs.involvement);
  const rows: Row[] = [
    ...inputs.pirs
      .filter((p) => within(period, p.submittedAt))
      .map((p) => ({
        type: 'Patient Involvement Request',
        date: p.submittedAt ? londonDateKey(new Date(p.submittedAt)) : undefined,
        directorate: labels.directorate(p.answers.directorate),
        reference: p.reference,
        project: p.answers.title,
        category: STATUS_LABELS[p.status],
        rung: p.answers.rung ? `planned: ${labelOf(referenceData.ladderRungs, p.answers.rung)}` : undefined,
        id: p.id,
      })),
    ...inputs.engagement.map((d) => ({
      type: 'Engagement record',
      date: d.date,
      directorate: labels.directorate(d.directorate),
      reference: str(d.values.pirReference),
      project: [str(d.values.project), engagementActivity(d)].filter(Boolean).join(': '),
      category: labelOf(referenceData.engagementCategories, d.category ?? ''),
      people: num(d.values.people),
      told: toldCell(d.values),
      id: d.id,
    })),
    ...inputs.involvement.map((i) => ({
      type: 'Champion: logged involvement',
      date: i.activityDate,
      directorate: labels.directorate(i.directorate),
      project: i.projectName,
      category: i.category ? labelOf(referenceData.engagementCategories, i.category) : undefined,
      rung: labelOf(referenceData.ladderRungs, i.rungId),
      people: i.peopleCount,
      sameEvent: sameEvent.get(i.id),
      said: i.whatPatientsShaped,
      id: i.id,
    })),
    ...inputs.champions.flatMap((c) =>
      c.checkIns
        .filter((k) => within(period, londonDateKey(new Date(k.dueAt))))
        .map((k) => ({
          type: 'Champion: check-in',
          date: londonDateKey(new Date(k.dueAt)),
          directorate: labelFrom(inputs.lists.directorates, c.directorate, c.directorateLabel),
          category: CHECK_IN_ANSWERS[k.outcome],
          said: k.whyNot,
        })),
    ),
    ...inputs.feedback.map((d) => ({
      type: 'Feedback survey results',
      date: d.date,
      directorate: labels.directorate(d.directorate),
      reference: str(d.values.pirReference),
      project: str(d.values.activityName),
      forms: num(d.values.responses),
      valued: num(d.values.valued),
      impact: num(d.values.impact),
      viewsYes: num(d.values.viewsYes),
      viewsNo: num(d.values.viewsNo),
      againYes: num(d.values.againYes),
      againNo: num(d.values.againNo),
      id: d.id,
    })),
    ...inputs.yswd.map((d) => ({
      type: 'You said, we did',
      date: d.date,
      directorate: labels.directorate(d.directorate),
      reference: str(d.values.pirReference),
      project: str(d.values.project),
      category: labelOf(YSWD_STATUSES, str(d.values.status) ?? ''),
      said: str(d.values.youSaid),
      outcome:
        d.values.outcome === 'we-did'
          ? `We did: ${str(d.values.weDid) ?? ''}`
          : `Could not change: ${str(d.values.whyNot) ?? ''}`,
      joint: d.values.joint === true,
      signedOff: d.approval?.status === 'approved',
      told: toldCell(d.values),
      id: d.id,
    })),
  ];
  const lines = [ORDER.map((c) => csvCell(COLUMNS[c])), ...rows.map((r) => ORDER.map((c) => csvCell(r[c])))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

const CHECK_IN_ANSWERS = {
  involvement: 'Answered: logged involvement',
  'why-not': 'Answered: work went ahead without patients (why not?)',
  'no-relevant-work': 'Answered: no relevant work this time',
  snoozed: 'Snoozed',
  open: 'Not answered',
} as const;
