import type { DeliveryOutcome } from '../../delivery/delivery-record.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { DueWorkHandler } from '../../delivery/due-work-handler.js';
import type { Pir } from '../../pir/domain/pir.js';
import { buildCheckInCard } from '../cards/check-in-card.js';
import { unansweredNotice } from '../cards/lifecycle-notices.js';
import { checkInSettled, checkInStillDue, followUpSettled, listedSettled } from '../domain/check-in.js';
import { LifecycleKind } from '../domain/lifecycle-work.js';
import { type Project, readProject } from '../domain/project.js';
import type { ProjectChange } from '../domain/project-change.js';
import { applyByReference } from '../store/apply-project-change.js';
import { type LifecycleJobDeps, leadChat, ppiChannel } from './lifecycle-job-deps.js';
import { postTo } from './reach.js';

type CheckInKind = (typeof LifecycleKind)['checkIn' | 'followUp' | 'unanswered'];

const SUMMARY = 'Has your project finished? Time to close it out.';

function handler(
  deps: LifecycleJobDeps,
  kind: CheckInKind,
  message: (pir: Pir, project: Project, work: DueWork) => Promise<ReturnType<typeof postTo>>,
  settle: (pir: Pir, project: Project, work: DueWork, outcome: DeliveryOutcome) => ProjectChange | undefined,
): DueWorkHandler {
  return {
    kind,
    async plan(work) {
      const pir = await deps.pirs.findByReference(work.targetId);
      const project = readProject(pir?.project);
      const due = checkInStillDue(pir, project, kind, work.cycle);
      if (!due.send || !pir) return { action: 'drop', reason: due.send ? 'not found' : due.reason };
      return message(pir, project, work);
    },
    async settle(work, outcome) {
      await applyByReference(deps, work.targetId, (pir, project) => settle(pir, project, work, outcome));
    },
  };
}

/**
 * The close-out check-in (first working day after the expected end date), its one follow-up, and then the PPI team's
 * listing in its channel when both went unanswered. Each is sent at most once; settling twice changes nothing.
 */
export function checkInDeliveryHandlers(deps: LifecycleJobDeps): DueWorkHandler[] {
  const toLead = (followUp: boolean) => async (pir: Pir, _project: Project, work: DueWork) =>
    postTo(
      await leadChat(deps, pir.lead.id),
      { card: buildCheckInCard(pir, work.cycle, { followUp }), summary: SUMMARY },
      'the lead has no 1:1 chat with the bot',
    );
  return [
    handler(deps, LifecycleKind.checkIn, toLead(false), (pir, project, work, outcome) =>
      checkInSettled(pir, project, work.cycle, outcome, deps.settings),
    ),
    handler(deps, LifecycleKind.followUp, toLead(true), (pir, project, work, outcome) =>
      followUpSettled(pir, project, work.cycle, outcome, deps.settings),
    ),
    handler(
      deps,
      LifecycleKind.unanswered,
      async (pir, project) =>
        postTo(
          await ppiChannel(deps),
          { card: unansweredNotice(pir, project), summary: `${pir.reference ?? ''}: close-out not answered` },
          'no PPI team channel is set',
        ),
      (_pir, project, work, outcome) => listedSettled(project, work.cycle, outcome),
    ),
  ];
}
