import { formatUkDate } from '../../calendar/format-uk-date.js';
import { londonDateKey } from '../../calendar/london-time.js';
import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import type { Pir } from './pir.js';
import { DISPROPORTIONATE_ANSWERS, partnersRequested } from './step-fields.js';

/**
 * Sent on or after the project's start date: too late for patients to shape it from the beginning (the request is
 * meant for a project's initiation phase). Compared as UK dates.
 */
export function isLate(pir: Pir): boolean {
  const start = pir.answers.startDate;
  if (!pir.submittedAt || !start) return false;
  return londonDateKey(new Date(pir.submittedAt)) >= start;
}

function isTopThree(rungId: string | undefined): boolean {
  return findChoice(referenceData.ladderRungs, rungId ?? '')?.topThree === true;
}

/** The tasks outside the Patient Partner remit that the request's wording suggests (audits, literature, routine surveys). */
export function outOfRemitTasks(pir: Pir): string[] {
  if (!partnersRequested(pir.answers)) return [];
  const words = [pir.answers.partnerRole, pir.answers.partnerMeetings, pir.answers.supportNotes]
    .filter((t): t is string => typeof t === 'string')
    .join(' ')
    .toLowerCase();
  return referenceData.patientPartnerRemit.filter((t) => t.matches.some((m) => words.includes(m))).map((t) => t.label);
}

/**
 * The one-line facts under the request on the PPI team's card, in plain words: how far patients can shape it (the
 * top three rungs are engagement and above), question 5's answer, and the support asked for by name.
 */
export function assessmentFacts(pir: Pir): string {
  const answer = DISPROPORTIONATE_ANSWERS.find((a) => a.id === pir.answers.disproportionate)?.label.toLowerCase();
  const support = pir.answers.support ?? [];
  return [
    isTopThree(pir.answers.rung) ? 'Aims for engagement or higher' : 'Aims lower than engagement',
    `Groups that may be disproportionately affected: ${answer ?? 'not asked'}`,
    support.length
      ? `Support asked for: ${support.map((s) => labelOf(referenceData.ppiSupportOptions, s)).join(', ')}`
      : 'No support asked for',
  ].join(' · ');
}

/** What the PPI team should look at first: a late request, and Patient Partners asked for outside their remit. */
export function assessmentWarnings(pir: Pir): string[] {
  const warnings: string[] = [];
  if (isLate(pir)) {
    warnings.push(
      `Late: sent on or after the project's start date (${formatUkDate(new Date(`${pir.answers.startDate}T12:00:00Z`))}), so patients may be involved too late to influence it.`,
    );
  }
  if (partnersRequested(pir.answers) && !isTopThree(pir.answers.rung)) {
    warnings.push(
      'Patient Partners asked for, but the request aims lower than engagement: their involvement is meant to sit at engagement, co-design or co-production (the top three rungs).',
    );
  }
  const tasks = outOfRemitTasks(pir);
  if (tasks.length > 0) {
    warnings.push(`Patient Partners may be asked for tasks outside their remit: ${tasks.join('; ')}.`);
  }
  return warnings;
}
