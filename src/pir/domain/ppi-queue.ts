import type { Pir } from './pir.js';
import { isAwaitingAssessment } from './pir-transitions.js';

/** The PPI team's view of what is waiting: for anyone's assessment, assigned to me, or with the lead for changes. */
export interface PpiQueue {
  readonly awaiting: readonly Pir[];
  readonly assignedToMe: readonly Pir[];
  readonly changesRequested: readonly Pir[];
}

const oldestFirst = (at: (p: Pir) => string | undefined) => (a: Pir, b: Pir) =>
  (at(a) ?? '').localeCompare(at(b) ?? '');

/** Open requests sorted into the three lists, the longest-waiting first. */
export function ppiQueueOf(open: readonly Pir[], me: string): PpiQueue {
  const submitted = open.filter(isAwaitingAssessment).sort(oldestFirst((p) => p.submittedAt));
  return {
    awaiting: submitted.filter((p) => p.assessment.assignee?.id !== me),
    assignedToMe: submitted.filter((p) => p.assessment.assignee?.id === me),
    changesRequested: open
      .filter((p) => p.status === 'changes-requested')
      .sort(oldestFirst((p) => p.assessment.decidedAt)),
  };
}
