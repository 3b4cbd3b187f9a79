import type { BoardReport } from '../domain/board-report.js';
import type { BreakdownRow } from '../domain/breakdowns.js';
import { barChart } from './charts.js';
import { esc, list, percent, plural, table, ukDate } from './html.js';
import { appendixFourResults, cover, definitions, itemLine, otherAnswers, page } from './shared-sections.js';

/** The Board paper's sections, in order: id and heading (the contents list and the tests use them). */
export const BOARD_SECTIONS = [
  ['summary', 'Summary'],
  ['activity', 'Activity: involvement requests and projects'],
  ['inclusion', 'Inclusive opportunities and who was reached'],
  ['together', 'Working together'],
  ['loop', 'Closing the loop'],
  ['impact', 'Impact, including what could not change and why'],
  ['standards', 'UK Standards for Public Involvement: self-check'],
  ['risks', 'Risks and reflections'],
] as const;

type SectionId = (typeof BOARD_SECTIONS)[number][0];
const heading = (id: SectionId) => BOARD_SECTIONS.find(([s]) => s === id)?.[1] ?? id;
const section = (id: SectionId, body: string) =>
  `<section class="major" aria-labelledby="${id}"><h2 id="${id}">${esc(heading(id))}</h2>\n${body}\n</section>`;

function summary(r: BoardReport): string {
  const { requests, reached, champions, loop, feedback } = r;
  const figures = [
    [String(requests.received), 'involvement requests received'],
    [percent(requests.topThreePlanned, requests.received), 'plan the top three rungs of the ladder'],
    [String(reached.total), 'people reached, each event counted once'],
    [`${champions.answered} of ${champions.asked}`, 'champions asked answered a check-in'],
    [String(loop.signedOff), '“You said, we did” items signed off'],
    [feedback.valued.mean === undefined ? '–' : `${feedback.valued.mean}/10`, 'felt valued by the project lead'],
  ];
  return section(
    'summary',
    `<ul class="figures">${figures.map(([n, what]) => `<li><strong>${esc(n ?? '')}</strong>${esc(what ?? '')}</li>`).join('')}</ul>
<p>${esc(
      `In ${r.quarter.months}, ${plural(requests.received, 'Patient Involvement Request')} came in and ${plural(requests.assessed, 'request')} ${requests.assessed === 1 ? 'was' : 'were'} assessed. ${plural(requests.limited.length, 'request')} ${requests.limited.length === 1 ? 'sits' : 'sit'} below the top three rungs. Staff recorded ${plural(
        reached.byCategory.reduce((s, c) => s + c.activities, 0),
        'engagement activity',
        'engagement activities',
      )} reaching ${plural(reached.total, 'person', 'people')}. ${plural(loop.weSaidWeDid, 'decision')} ${loop.weSaidWeDid === 1 ? 'was' : 'were'} made jointly with patients (“We said, we did”).`,
    )}</p>
<h3>Recommendation</h3>
<p>The Board is asked to note this report and the risks in its last section, and to take assurance on patient and public involvement in ${esc(r.quarter.name)}.</p>
<h3>Contents</h3>
<ol>${BOARD_SECTIONS.map(([id, h]) => `<li><a href="#${id}">${esc(h)}</a></li>`).join('')}</ol>`,
  );
}

function breakdownTable(caption: string, rows: readonly BreakdownRow[], withCheckIns: boolean): string {
  const headings = [
    caption.startsWith('By directorate') ? 'Directorate or CMG' : 'Quality Strategy priority',
    'Requests',
    'Top three rungs',
    'Activities',
    'People reached',
    '“You said, we did”',
    ...(withCheckIns ? ['Check-ins answered'] : []),
  ];
  return table(
    caption,
    headings,
    rows.map((b) => [
      esc(b.label),
      String(b.requests),
      String(b.topThree),
      String(b.activities),
      String(b.people),
      String(b.signedOff),
      ...(withCheckIns ? [`${b.checkInsAnswered ?? 0} of ${b.checkInsDue ?? 0}`] : []),
    ]),
    'Nothing recorded this quarter.',
  );
}

function closeOutsLine(r: BoardReport): string {
  const c = r.closeOuts;
  if (!c.completed.recorded) {
    return 'Close-outs are not recorded yet, so no project has a rung reached: the “Reached” bars stay at zero until they are.';
  }
  return `${plural(c.completed.value, 'project')} closed out this quarter: ${c.topThreeReached} reached the top three rungs, participants were told the outcome in ${c.told}, and the Patient Partners evaluated ${c.evaluated}.`;
}

function reflections(r: BoardReport): string {
  const shared = r.closeOuts.projects.filter((c) => c.wentWell || c.doDifferently);
  if (shared.length === 0) {
    return `<p>${esc(r.closeOuts.completed.recorded ? 'No project closed out this quarter, so there are no close-out reflections (GRIPP2); the PPI team adds its own when presenting this paper.' : 'What went well and what did not (GRIPP2 reflections) come from project close-outs, which are not recorded yet; until then the PPI team adds its reflections when presenting this paper.')}</p>`;
  }
  return table(
    'Reflections from projects closed out this quarter (GRIPP2: what went well, what would be done differently)',
    ['Request', 'What went well', 'What they would do differently'],
    shared.map((c) => [esc(c.reference), esc(c.wentWell), esc(c.doDifferently)]),
    '',
  );
}

function activity(r: BoardReport): string {
  const { requests } = r;
  return section(
    'activity',
    `<p>${esc(`${plural(requests.received, 'request')} received, ${plural(requests.assessed, 'request')} assessed by the PPI team this quarter.`)}</p>
${table(
  'Requests received, by stage',
  ['Stage', 'Requests'],
  requests.byStage.map((c) => [esc(c.label), String(c.count)]),
  'No requests were received this quarter.',
)}
<h3>The ladder of engagement: planned, expected and reached</h3>
${barChart({
  id: 'rungs',
  title: 'Rungs planned by leads, expected by the PPI team, and reached at close-out',
  categories: requests.rungs.map((x) => x.rung),
  series: [
    { name: 'Planned', values: requests.rungs.map((x) => x.planned) },
    { name: 'Expected', values: requests.rungs.map((x) => x.expected) },
    { name: 'Reached', values: requests.rungs.map((x) => x.achieved) },
  ],
  unit: 'requests',
})}
<p>${esc(closeOutsLine(r))}</p>
${table(
  'Projects closed out this quarter: the rung planned and the rung reached',
  ['Request', 'Project', 'Directorate or CMG', 'Planned', 'Reached', 'Participants told'],
  r.closeOuts.projects.map((c) => [
    esc(c.reference),
    esc(c.title),
    esc(c.directorate),
    esc(c.planned),
    esc(c.reached),
    esc(c.told),
  ]),
  'No project was closed out this quarter.',
)}
<h3>Limited involvement: below the top three rungs</h3>
${table(
  'Requests received whose involvement sits below engagement, co-design and co-production',
  ['Request', 'Project', 'Directorate or CMG', 'Rung', 'Judged by'],
  requests.limited.map((l) => [esc(l.reference), esc(l.title), esc(l.directorate), esc(l.rung), esc(l.basis)]),
  'Every request received this quarter plans one of the top three rungs.',
)}
<h3>By directorate or clinical management group</h3>
${breakdownTable('By directorate or clinical management group', r.byDirectorate, true)}
<h3>By Quality Strategy priority</h3>
${breakdownTable('By Quality Strategy priority', r.byQualityPriority, false)}`,
  );
}

function inclusion(r: BoardReport): string {
  const { reached, requests, feedback } = r;
  return section(
    'inclusion',
    `${barChart({
      id: 'engagement',
      title: 'Engagement by category: people reached',
      categories: reached.byCategory.map((c) => c.category),
      series: [
        { name: 'People', values: reached.byCategory.map((c) => c.people) },
        { name: 'Activities', values: reached.byCategory.map((c) => c.activities) },
      ],
      unit: 'people and activities',
    })}
<p>${esc(`${plural(reached.total, 'person', 'people')} reached in all.${reached.sameEvents > 0 ? ` ${plural(reached.sameEvents, 'champion’s log', 'champions’ logs')} described the same event as an engagement record and ${reached.sameEvents === 1 ? 'is' : 'are'} counted once.` : ''}`)}</p>
<h3>Groups who may be disproportionately affected</h3>
<p>${esc(`${requests.namingAffectedGroups} of ${plural(requests.received, 'request')} named groups who may be disproportionately affected (the nine protected characteristics and seldom-heard groups); ${requests.withEngagementPlans} of those set out plans to engage them. Who took part, by group, is not recorded yet.`)}</p>
${table(
  'Groups named by requests received',
  ['Group', 'Requests'],
  requests.affectedGroups.map((c) => [esc(c.label), String(c.count)]),
  'No request named a disproportionately affected group.',
)}
<h3>How people heard about engagement</h3>
${table(
  'How people heard (feedback forms)',
  ['Answer', 'Forms'],
  feedback.howHeard.map((c) => [esc(c.label), String(c.count)]),
  'No feedback forms answered this question.',
)}
${otherAnswers(feedback.howHeardOther)}`,
  );
}

function together(r: BoardReport): string {
  const { champions, feedback } = r;
  const rate = percent(champions.answered, champions.asked);
  return section(
    'together',
    `<h3>Partnership champions</h3>
<p>${esc(`${champions.answered} of ${plural(champions.asked, 'champion')} asked this quarter answered a check-in (${rate}); ${champions.checkInsAnswered} of ${plural(champions.checkInsDue, 'check-in')} due were answered. ${plural(champions.activeNow, 'champion')} ${champions.activeNow === 1 ? 'is' : 'are'} active now.`)}</p>
${barChart({
  id: 'champions',
  title: 'Champions’ check-ins by directorate: due and answered',
  categories: champions.byDirectorate.map((d) => d.directorate),
  series: [
    { name: 'Due', values: champions.byDirectorate.map((d) => d.checkInsDue) },
    { name: 'Answered', values: champions.byDirectorate.map((d) => d.checkInsAnswered) },
  ],
  unit: 'check-ins',
})}
<h3>Work that went ahead without patients: why not?</h3>
${table(
  'Every reason champions gave this quarter',
  ['Directorate or CMG', 'Reason given', 'Check-in due', 'Answered'],
  r.whyNot.map((w) => [esc(w.directorate), esc(w.reason), esc(ukDate(w.dueOn)), esc(ukDate(w.answeredOn))]),
  'No champion reported work that went ahead without patients.',
)}
<h3>Did people feel valued?</h3>
<p>${esc(feedback.forms > 0 ? `Average ${feedback.valued.mean} out of 10 from ${plural(feedback.forms, 'feedback form')}; ${feedback.expressedAllViews.yes} said they could express all their views and ${feedback.expressedAllViews.no} said they could not. The full results are under “Impact”.` : 'No feedback forms were entered this quarter.')}</p>`,
  );
}

function loop(r: BoardReport): string {
  const { loop: l } = r;
  const told = l.told.recorded
    ? `Participants were told the outcome for ${l.told.value.told} of ${plural(l.told.value.of, 'item')}.`
    : 'Whether participants were told the outcome is not recorded yet.';
  return section(
    'loop',
    `<p>${esc(`${plural(l.signedOff, '“You said, we did” item')} signed off this quarter (${l.weSaidWeDid} “We said, we did”, ${l.changed} changed, ${l.couldNotChange} could not change); ${l.awaitingSignOff} awaiting sign-off. ${told}`)}</p>
${list(l.items.map(itemLine), 'No “You said, we did” items were signed off this quarter.')}`,
  );
}

function impact(r: BoardReport): string {
  const { impact: i, requests } = r;
  return section(
    'impact',
    `<h3>What changed</h3>
${list(i.changes.map(itemLine), 'No signed-off change this quarter.')}
<h3>What could not change, and why</h3>
${list(i.couldNotChange.map(itemLine), 'Nothing signed off this quarter was recorded as unable to change.')}
${table(
  'Decisions that requests said are not open to patient influence',
  ['Request', 'Project', 'Not open to influence', 'Who decides'],
  requests.notOpenToInfluence.map((n) => [esc(n.reference), esc(n.title), esc(n.decisions), esc(n.whoDecides)]),
  'No request received this quarter named decisions closed to patient influence.',
)}
<h3>What patients shaped, as champions reported it</h3>
${table(
  'Champions’ logged involvement',
  ['Directorate or CMG', 'Project', 'What patients shaped', 'Rung', 'People'],
  i.shapedByPatients.map((s) => [esc(s.directorate), esc(s.project), esc(s.shaped), esc(s.rung), String(s.people)]),
  'No champion logged involvement this quarter.',
)}
${appendixFourResults(r, 'h3', 'feedback')}`,
  );
}

const STATUS_CLASS = {
  'evidence this quarter': 'status-evidence',
  'gap this quarter': 'status-gap',
  'not recorded yet': 'status-unrecorded',
} as const;

function standards(r: BoardReport): string {
  const rows = r.standards
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.standard)}</th><td>${esc(s.question)}</td><td>${esc(s.evidence)}</td><td class="${STATUS_CLASS[s.status]}">${esc(s.status)}</td></tr>`,
    )
    .join('\n');
  return section(
    'standards',
    `<p>The six UK Standards for Public Involvement, each with its question and this quarter’s evidence. A self-check, not a score.</p>
<table><caption>Self-check against the UK Standards for Public Involvement</caption><thead><tr><th scope="col">Standard</th><th scope="col">Question</th><th scope="col">Evidence this quarter</th><th scope="col">Status</th></tr></thead><tbody>
${rows}
</tbody></table>`,
  );
}

function risks(r: BoardReport): string {
  return section(
    'risks',
    `${list(r.risks.map(esc), 'No risks were found in this quarter’s figures.')}
<h3>Reflections</h3>
${reflections(r)}
${definitions(r)}`,
  );
}

/** The printable Board paper: a complete HTML page, every person's text escaped, no scripts or external resources. */
export function renderBoardPaper(r: BoardReport): string {
  return page(
    `PPI update to the Trust Board: ${r.quarter.name}`,
    `${cover(r, 'Trust Board', 'Patient and Public Involvement: quarterly update', 'For assurance. The Board is asked to note the report.')}
<main>
${summary(r)}
${activity(r)}
${inclusion(r)}
${together(r)}
${loop(r)}
${impact(r)}
${standards(r)}
${risks(r)}
</main>`,
  );
}
