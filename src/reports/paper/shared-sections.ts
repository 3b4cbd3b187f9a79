import type { BoardReport } from '../domain/board-report.js';
import type { DigestItem } from '../domain/build-digest.js';
import { SAME_EVENT_WINDOW_DAYS } from '../domain/people-reached.js';
import { barChart } from './charts.js';
import { esc, list, plural, table, ukDate } from './html.js';
import { PAPER_CSS } from './styles.js';

/** The whole page: one inline stylesheet, no scripts, no external resources. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${PAPER_CSS}</style>
</head>
<body>
<p class="screen-only">To print or save as PDF, use your browser’s Print command (Ctrl+P) and choose A4. This page is only for you and stops working 15 minutes after it was issued.</p>
${body}
</body>
</html>
`;
}

export function cover(r: BoardReport, meeting: string, title: string, purpose: string): string {
  return `<header class="cover">
<div class="band">
<p class="kicker">${esc(meeting)}</p>
<h1>${esc(title)}</h1>
<p>${esc(r.quarter.name)}: ${esc(r.quarter.months)}${r.inProgress ? ' (figures to date)' : ''}</p>
</div>
<dl class="meta">
<dt>Quarter</dt><dd>${esc(r.quarter.name)} (${esc(r.quarter.months)})</dd>
<dt>Produced</dt><dd>${esc(ukDate(r.producedOn))}, from the records kept in PPI Partner</dd>
<dt>Report of</dt><dd>The Patient and Public Involvement (PPI) team</dd>
<dt>Purpose</dt><dd>${esc(purpose)}</dd>
</dl>
${r.quarter.note ? `<p class="note">${esc(r.quarter.note)}</p>` : ''}
${r.inProgress ? `<p class="note">${esc(`${r.quarter.name} has not ended: the figures are to ${ukDate(r.producedOn)}.`)}</p>` : ''}
</header>`;
}

export function itemLine(i: DigestItem): string {
  const joint = i.joint ? '<span class="joint">We said, we did: decided together with patients.</span> ' : '';
  return `${joint}<strong>You said:</strong> ${esc(i.youSaid)} <strong>${i.couldNotChange ? 'Could not change' : 'We did'}:</strong> ${esc(i.outcome.replace(/^(We did|Could not change): /, ''))} <span class="empty">(${esc(i.directorate)}, ${esc(ukDate(i.date))})</span>`;
}

const yesNoRows = (v: { yes: number; no: number; notAnswered: number }) => [
  ['Yes', String(v.yes)],
  ['No', String(v.no)],
  ['Not answered', String(v.notAnswered)],
];

/** The open answers to "How did you hear…?" that were none of the common answers, as entered. */
export function otherAnswers(answers: readonly string[]): string {
  return answers.length === 0 ? '' : `<p>Other answers, as entered:</p>\n${list(answers.map(esc), '')}`;
}

/** The participant feedback survey, all five questions: how people heard, views, valued (distribution), impact, take part again. */
export function appendixFourResults(r: BoardReport, headingLevel: 'h2' | 'h3', id: string): string {
  const f = r.feedback;
  const h = headingLevel;
  const sub = h === 'h2' ? 'h3' : 'h4';
  if (f.forms === 0) {
    return `<${h} id="${id}">Participant feedback (the five survey questions)</${h}><p class="empty">No feedback survey results were entered for this quarter.</p>`;
  }
  const basis = {
    scores: 'Each form’s own score was entered.',
    'activity averages':
      'The results form records each activity’s average score, so each activity’s forms are counted in the band of its average.',
    mixed:
      'Some activities entered each form’s score; for the others, their forms are counted in the band of the activity’s average.',
  }[f.valued.basis];
  return `<${h} id="${id}">Participant feedback (the five survey questions)</${h}>
<p>${esc(`${plural(f.forms, 'feedback form')} from ${plural(f.activities, 'activity', 'activities')}.`)}</p>
<${sub}>1. How did you hear about today’s engagement activity?</${sub}>
${table(
  'How people heard',
  ['Answer', 'Forms'],
  f.howHeard.map((c) => [esc(c.label), String(c.count)]),
  'No answers to this question were entered.',
)}
${otherAnswers(f.howHeardOther)}
<${sub}>2. Did you get chance to express all the views you had on this topic?</${sub}>
${table('Could express all their views', ['Answer', 'Forms'], yesNoRows(f.expressedAllViews), '')}
<${sub}>3. How much do you feel your comments or suggestions have been valued by the project lead?</${sub}>
<p>${esc(`Average ${f.valued.mean ?? '–'} out of 10 (1 = not valued, 10 = highly valued). ${basis}`)}</p>
<${sub}>4. Do you feel your participation will impact on the service or project?</${sub}>
<p>${esc(`Average ${f.impact.mean ?? '–'} out of 10 (1 = no impact, 10 = high impact).`)}</p>
${barChart({
  id: `${id}-scores`,
  title: 'Feedback scores: forms in each band (1 = low, 10 = high)',
  categories: f.valued.bands.map((b) => b.label),
  series: [
    { name: 'Felt valued', values: f.valued.bands.map((b) => b.forms) },
    { name: 'Expected impact', values: f.impact.bands.map((b) => b.forms) },
  ],
  unit: 'feedback forms',
})}
<${sub}>5. Would you like to take part in future engagement activities?</${sub}>
${table('Would take part again', ['Answer', 'Forms'], yesNoRows(f.takePartAgain), '')}`;
}

/** How the figures are counted, so a reader can check them. */
export function definitions(r: BoardReport): string {
  const quarters =
    r.quarter.numbering === 'financial'
      ? 'Quarters are financial-year quarters (Q1 is April to June) and dates are UK dates.'
      : 'Quarters are calendar quarters (Q1 is January to March) and dates are UK dates.';
  return `<h3>How the figures are counted</h3>
<div class="definitions">${list(
    [
      quarters,
      '“Limited involvement”: a request whose involvement sits below the top three rungs of the ladder (engagement, co-design, co-production), judged by the rung reached at close-out, else the rung the PPI team expects, else the rung the lead planned.',
      `People reached: each engagement record once; a champion’s logged involvement is added only when it is not the same event as an engagement record (same directorate, same project name, and the record dated on or up to ${SAME_EVENT_WINDOW_DAYS} days before the champion logged it).`,
      'Champions’ response: a champion counts only for check-ins that fell due in the quarter; a champion registered during the quarter counts from their first check-in. Snoozed check-ins are asked but not answered.',
      'Reasons why work went ahead without patients: every reason from every check-in that fell due in the quarter.',
      'Requests by stage: requests received in the quarter, at the stage they stood at when it ended (today, while it runs): accepted before the start date, in progress, close-out due from the day after the expected end date, closed once the PPI team accepts the close-out, or stopped.',
      'Closed out: the PPI team accepted the project’s close-out in the quarter; “reached” is the rung its lead gave at close-out.',
    ].map(esc),
    '',
  )}</div>`;
}
