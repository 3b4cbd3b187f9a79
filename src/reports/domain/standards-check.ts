import { plural } from '../../text/plural.js';
import type { BoardReport, StandardCheck } from './board-report.js';

type Figures = Omit<BoardReport, 'standards' | 'risks'>;

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/**
 * The six UK Standards for Public Involvement as a self-check: each standard's question, this quarter's evidence in
 * one or two sentences, and whether there is evidence, a gap, or nothing recorded yet to judge by.
 */
export function standardsCheck(r: Figures): StandardCheck[] {
  const { requests, reached, feedback, loop, impact, closeOuts } = r;
  const closed = closeOuts.completed.value;
  const closedTold =
    closeOuts.completed.recorded && closed > 0
      ? ` Of ${plural(closed, 'project')} closed out, participants were told the outcome in ${closeOuts.told}.`
      : '';
  const closedImpact = closeOuts.completed.recorded
    ? `${plural(closed, 'project')} closed out, ${closeOuts.topThreeReached} reaching the top three rungs.`
    : 'Close-outs of finished projects are not recorded yet.';
  const valuedHigh = (feedback.valued.bands[2]?.forms ?? 0) + (feedback.valued.bands[3]?.forms ?? 0);
  const coProduction = reached.byCategory.find((c) => c.id === 'co-production')?.activities ?? 0;
  const partners = requests.supportAsked.find((s) => s.label.startsWith('Patient Partners'))?.count ?? 0;
  const support = requests.supportAsked.reduce((s, c) => s + c.count, 0);
  return [
    {
      standard: '1. Inclusive opportunities',
      question: 'Did we reach the people the work affects, including people we rarely hear from?',
      evidence: `${requests.namingAffectedGroups} of ${plural(requests.received, 'request')} received named groups who may be disproportionately affected, and ${requests.withEngagementPlans} of those gave plans to engage them. ${plural(reached.total, 'person', 'people')} reached. Who took part, by group, is not recorded yet.`,
      status: reached.total > 0 || requests.namingAffectedGroups > 0 ? 'evidence this quarter' : 'gap this quarter',
    },
    {
      standard: '2. Working together',
      question: 'Did people feel their contributions were valued?',
      evidence:
        feedback.forms > 0
          ? `${valuedHigh} of ${plural(feedback.forms, 'feedback form')} scored 7 or more for feeling valued by the project lead (average ${feedback.valued.mean}). ${plural(loop.weSaidWeDid, 'decision')} made jointly with patients (“We said, we did”).`
          : `No feedback forms were entered. ${plural(loop.weSaidWeDid, 'decision')} made jointly with patients (“We said, we did”).`,
      status: feedback.forms > 0 || loop.weSaidWeDid > 0 ? 'evidence this quarter' : 'gap this quarter',
    },
    {
      standard: '3. Support and learning',
      question: 'Did staff and the public have the support and learning they needed to take part?',
      evidence: `Requests received asked the PPI team for ${plural(support, 'kind')} of support (training, Patient Partners, community links and more). Training given is not recorded by this bot.`,
      status: support > 0 ? 'evidence this quarter' : 'gap this quarter',
    },
    {
      standard: '4. Communications',
      question: 'Did we tell people, in plain language, what happened because of their involvement?',
      evidence: loop.told.recorded
        ? `Participants were told the outcome for ${loop.told.value.told} of ${plural(loop.told.value.of, 'signed-off item')}.${closedTold}`
        : `${plural(loop.signedOff, '“You said, we did” item')} signed off. Whether participants were told the outcome is not recorded yet.${closedTold}`,
      status:
        loop.told.recorded || closedTold !== ''
          ? loop.told.value.told + closeOuts.told > 0
            ? 'evidence this quarter'
            : 'gap this quarter'
          : 'not recorded yet',
    },
    {
      standard: '5. Impact',
      question: 'What difference did involvement make, and what could not change, and why?',
      evidence: `${plural(loop.changed, 'change')} made and ${plural(loop.couldNotChange, 'thing')} that could not change (with the reason) signed off; champions logged ${plural(impact.shapedByPatients.length, 'piece')} of work that patients shaped. ${closedImpact}`,
      status:
        loop.changed + loop.couldNotChange + impact.shapedByPatients.length + closed > 0
          ? 'evidence this quarter'
          : 'gap this quarter',
    },
    {
      standard: '6. Governance',
      question: 'Were patients part of decisions and leadership, not only consulted?',
      evidence: `${plural(loop.weSaidWeDid, '“We said, we did” decision')}, ${plural(coProduction, 'co-production activity', 'co-production activities')}, and ${plural(partners, 'request')} asking for Patient Partners on the project group.`,
      status: loop.weSaidWeDid + coProduction + partners > 0 ? 'evidence this quarter' : 'gap this quarter',
    },
  ];
}

/** Risks and points for the Board, each a plain sentence, most pressing first. */
export function risksOf(r: Figures): string[] {
  const { champions, requests, feedback, loop, closeOuts } = r;
  const risks: string[] = [];
  if (r.inProgress) risks.push(`${r.quarter.name} has not ended: these figures are to ${r.producedOn}.`);
  if (champions.asked === 0) risks.push('No champion check-ins fell due this quarter.');
  else if (percent(champions.answered, champions.asked) < 75) {
    risks.push(
      `Only ${champions.answered} of ${plural(champions.asked, 'champion')} asked answered a check-in (${percent(champions.answered, champions.asked)}%).`,
    );
  }
  const silent = champions.byDirectorate.filter((d) => d.checkInsAnswered === 0).map((d) => d.directorate);
  if (silent.length > 0) risks.push(`No check-in was answered in: ${silent.join(', ')}.`);
  if (r.whyNot.length > 0) {
    risks.push(
      `Champions reported ${plural(r.whyNot.length, 'piece')} of work that went ahead without patients; their reasons are listed under “Working together”.`,
    );
  }
  if (requests.limited.length > 0) {
    risks.push(
      `${requests.limited.length} of ${plural(requests.received, 'request')} received sit below the top three rungs of the ladder (engagement, co-design, co-production).`,
    );
  }
  if (feedback.forms === 0)
    risks.push('No participant feedback forms were entered, so we cannot say how valued people felt.');
  if (feedback.expressedAllViews.no > 0) {
    risks.push(
      `${plural(feedback.expressedAllViews.no, 'person', 'people')} said they could not express all their views.`,
    );
  }
  if (feedback.takePartAgain.no > 0) {
    risks.push(
      `${plural(feedback.takePartAgain.no, 'person', 'people')} said they would not take part in future engagement.`,
    );
  }
  if (loop.awaitingSignOff > 0) {
    const verb = loop.awaitingSignOff === 1 ? 'awaits' : 'await';
    risks.push(`${plural(loop.awaitingSignOff, '“You said, we did” item')} ${verb} sign-off.`);
  }
  if (!loop.told.recorded) risks.push('Whether participants were told the outcome is not recorded yet.');
  if (!closeOuts.completed.recorded) risks.push('Project close-outs (the rung actually reached) are not recorded yet.');
  const closed = closeOuts.completed.value;
  if (closed > 0 && closeOuts.topThreeReached < closed) {
    risks.push(
      `${closed - closeOuts.topThreeReached} of ${plural(closed, 'project')} closed out this quarter reached a rung below the top three.`,
    );
  }
  if (closed > closeOuts.told) {
    risks.push(
      `${closed - closeOuts.told} of ${plural(closed, 'project')} closed out did not record telling participants the outcome.`,
    );
  }
  if (champions.historyIncomplete)
    risks.push('Some champions’ older check-ins are no longer kept, so their figures may be short.');
  return risks;
}
