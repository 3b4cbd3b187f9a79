import { londonDateKey } from '../../calendar/london-time.js';
import { isInProgress, type ReportQuarter } from '../../calendar/report-quarter.js';
import { engagementActivity } from '../../records/domain/describe-record.js';
import { isApproved, type RecordDoc } from '../../records/domain/record-doc.js';
import { findChoice, labelOf, referenceData } from '../../reference-data/reference-data.js';
import type { CloseOutFacts, PeriodInputs } from '../store/period-inputs.js';
import type { BoardReport, ClosedProject, CollatedFeedback } from './board-report.js';
import { byDirectorate, byQualityPriority } from './breakdowns.js';
import { digestItem } from './build-digest.js';
import { championResponse, whyNotReasons } from './champion-response.js';
import { feedbackResults } from './feedback-results.js';
import { type Labels, labelsOf } from './labels.js';
import { peopleReached } from './people-reached.js';
import { asOf, isTopThree, requestFigures, within } from './request-figures.js';
import { risksOf, standardsCheck } from './standards-check.js';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The engagement log's "Please enter the collated responses from your event feedback forms?", per category. */
function collatedFeedback(docs: readonly RecordDoc[], labels: Labels): CollatedFeedback[] {
  return docs
    .flatMap((d) => {
      const category = findChoice(referenceData.engagementCategories, d.category ?? '');
      const answer = text(d.values.collated);
      if (!answer) return [];
      return [
        {
          date: d.date,
          directorate: labels.directorate(d.directorate),
          category: category?.label ?? 'Category not recorded',
          activity: engagementActivity(d),
          project: text(d.values.project) || text(d.values.pirReference),
          text: answer,
        },
      ];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

const rungName = (id: string | undefined) => (id ? labelOf(referenceData.ladderRungs, id) : 'Not given');

function closedProject(c: CloseOutFacts, labels: Labels): ClosedProject {
  return {
    reference: c.reference,
    title: c.title ?? '',
    directorate: labels.directorate(c.directorate),
    planned: rungName(c.plannedRung),
    reached: rungName(c.achievedRung),
    told: c.participantsTold === true ? 'yes' : c.participantsTold === false ? 'no' : 'not answered',
    wentWell: c.wentWell ?? '',
    doDifferently: c.doDifferently ?? '',
  };
}

/**
 * The quarterly PPI update (seed 000 §8.3, §11.1–11.3) from one quarter's inputs: every figure the Board paper,
 * the PIPEAC report, the Teams card and their tests use. Pure: `now` only says whether the quarter is still running.
 */
export function buildBoardReport(inputs: PeriodInputs, quarter: ReportQuarter, now: Date): BoardReport {
  const { period } = inputs;
  const labels = labelsOf(inputs.lists);
  const approved = inputs.yswd.filter(isApproved);
  const items = [...approved]
    .sort((a, b) => Number(b.values.joint === true) - Number(a.values.joint === true) || b.date.localeCompare(a.date))
    .map((d) => digestItem(d, labels));
  const told = approved.filter((d) => typeof d.values.participantsTold === 'boolean');
  const closedIn = inputs.closeOuts.items
    .filter((c) => within(period, c.closedAt))
    .sort((a, b) => a.closedAt.localeCompare(b.closedAt));
  const figures = {
    quarter,
    producedOn: londonDateKey(now),
    inProgress: isInProgress(quarter, now),
    requests: requestFigures(inputs.pirs, inputs.closeOuts.items, period, labels, asOf(period, now)),
    closeOuts: {
      completed: { recorded: inputs.closeOuts.recorded, value: closedIn.length },
      projects: closedIn.map((c) => closedProject(c, labels)),
      topThreeReached: closedIn.filter((c) => isTopThree(c.achievedRung)).length,
      told: closedIn.filter((c) => c.participantsTold === true).length,
      evaluated: closedIn.filter((c) => c.evaluated === true).length,
    },
    reached: peopleReached(inputs.engagement, inputs.involvement),
    champions: championResponse(inputs.champions, period, inputs.lists.directorates),
    whyNot: whyNotReasons(inputs.champions, period, inputs.lists.directorates),
    loop: {
      signedOff: approved.length,
      awaitingSignOff: inputs.yswd.filter((d) => d.approval?.status === 'pending').length,
      weSaidWeDid: items.filter((i) => i.joint).length,
      changed: items.filter((i) => !i.couldNotChange).length,
      couldNotChange: items.filter((i) => i.couldNotChange).length,
      told: {
        recorded: told.length > 0,
        value: { told: told.filter((d) => d.values.participantsTold === true).length, of: approved.length },
      },
      items,
    },
    impact: {
      changes: items.filter((i) => !i.couldNotChange),
      couldNotChange: items.filter((i) => i.couldNotChange),
      shapedByPatients: inputs.involvement.map((i) => ({
        directorate: labels.directorate(i.directorate),
        project: i.projectName,
        shaped: i.whatPatientsShaped,
        rung: labelOf(referenceData.ladderRungs, i.rungId),
        people: i.peopleCount,
      })),
    },
    feedback: feedbackResults(inputs.feedback, inputs.lists.howHeard),
    byDirectorate: byDirectorate(inputs, labels),
    byQualityPriority: byQualityPriority(inputs, labels, period),
    learning: collatedFeedback(inputs.engagement, labels),
  };
  return { ...figures, standards: standardsCheck(figures), risks: risksOf(figures) };
}
