import type { BoardReport } from '../domain/board-report.js';
import { esc, list, plural, table, ukDate } from './html.js';
import { appendixFourResults, cover, definitions, itemLine, page } from './shared-sections.js';

/** The PIPEAC report's sections, in order (seed 000 §11.3: success and good practice, and learning). */
export const COMMITTEE_SECTIONS = [
  ['successes', 'Successes and good practice'],
  ['learning', 'Learning from engagement'],
  ['feedback', 'Participant feedback (the five survey questions)'],
  ['points', 'Points for the committee'],
] as const;

function successes(r: BoardReport): string {
  const joint = r.loop.items.filter((i) => i.joint);
  const others = r.loop.items.filter((i) => !i.joint && !i.couldNotChange);
  const coProduction = r.reached.byCategory.find((c) => c.id === 'co-production');
  return `<section class="major" aria-labelledby="successes"><h2 id="successes">Successes and good practice</h2>
<h3>“We said, we did”: decided together with patients</h3>
${list(joint.map(itemLine), 'No decision was signed off as made jointly with patients this quarter.')}
<h3>“You said, we did”: what changed</h3>
${list(others.map(itemLine), 'No other change was signed off this quarter.')}
<h3>Co-production and what patients shaped</h3>
<p>${esc(`${plural(coProduction?.activities ?? 0, 'co-production activity', 'co-production activities')} recorded, with ${plural(coProduction?.people ?? 0, 'member', 'members')} of the public taking part.`)}</p>
${table(
  'What patients shaped, as champions reported it',
  ['Directorate or CMG', 'Project', 'What patients shaped', 'Rung'],
  r.impact.shapedByPatients.map((s) => [esc(s.directorate), esc(s.project), esc(s.shaped), esc(s.rung)]),
  'No champion logged involvement this quarter.',
)}
</section>`;
}

function learning(r: BoardReport): string {
  return `<section class="major" aria-labelledby="learning"><h2 id="learning">Learning from engagement</h2>
${table(
  'Collated responses from event feedback forms (engagement records)',
  ['Date', 'Directorate or CMG', 'Category and activity', 'Project', 'Collated feedback'],
  r.learning.map((l) => [
    esc(ukDate(l.date)),
    esc(l.directorate),
    esc(`${l.category}: ${l.activity}`),
    esc(l.project),
    esc(l.text),
  ]),
  'No collated feedback was entered with this quarter’s engagement records.',
)}
<h3>What could not change, and why</h3>
${list(r.impact.couldNotChange.map(itemLine), 'Nothing signed off this quarter was recorded as unable to change.')}
<h3>Work that went ahead without patients: why not?</h3>
${table(
  'Every reason champions gave this quarter',
  ['Directorate or CMG', 'Reason given', 'Check-in due'],
  r.whyNot.map((w) => [esc(w.directorate), esc(w.reason), esc(ukDate(w.dueOn))]),
  'No champion reported work that went ahead without patients.',
)}
</section>`;
}

/** The committee report for PIPEAC: successes first, then learning, then the Appendix 4 results. */
export function renderCommitteeReport(r: BoardReport): string {
  return page(
    `PPI report to PIPEAC: ${r.quarter.name}`,
    `${cover(r, 'Patient Involvement and Patient Experience Assurance Committee (PIPEAC)', 'Patient and Public Involvement: success, good practice and learning', 'For assurance and learning.')}
<main>
${successes(r)}
${learning(r)}
<section class="major" aria-labelledby="feedback">${appendixFourResults(r, 'h2', 'feedback')}</section>
<section class="major" aria-labelledby="points"><h2 id="points">Points for the committee</h2>
${list(r.risks.map(esc), 'No risks were found in this quarter’s figures.')}
${definitions(r)}
</section>
</main>`,
  );
}
