import type { DueWorkHandler } from '../../delivery/due-work-handler.js';
import { decisionNotice } from '../cards/lifecycle-notices.js';
import { buildPpiReviewCard } from '../cards/ppi-review-card.js';
import { LifecycleKind, roundOf } from '../domain/lifecycle-work.js';
import { readProject } from '../domain/project.js';
import { recorded } from '../domain/project-change.js';
import { applyByReference } from '../store/apply-project-change.js';
import { type LifecycleJobDeps, leadChat, ppiChannel } from './lifecycle-job-deps.js';
import { postTo } from './reach.js';

/**
 * A close-out's review card in the PPI team's channel (posted at once when the lead sends it; remembered so the card
 * can be found), and the lead's notice of the PPI team's decision on it. Only for the round the work names.
 */
export function closeOutDeliveryHandlers(deps: LifecycleJobDeps): DueWorkHandler[] {
  const review: DueWorkHandler = {
    kind: LifecycleKind.review,
    async plan(work) {
      const pir = await deps.pirs.findByReference(work.targetId);
      const project = readProject(pir?.project);
      const closeOut = project.closeOut;
      if (!pir || closeOut?.status !== 'submitted' || closeOut.round !== roundOf(work)) {
        return { action: 'drop', reason: 'no longer waiting for review' };
      }
      const card = buildPpiReviewCard(pir, { ...project, closeOut }, await deps.directorates.entries());
      const summary = `Close-out for review: ${pir.reference ?? ''}`;
      return postTo(await ppiChannel(deps), { card, summary }, 'no PPI team channel is set');
    },
    async settle(work, outcome) {
      if (outcome.status !== 'sent' || !outcome.activityId) return;
      const activityId = outcome.activityId;
      await applyByReference(deps, work.targetId, (_pir, project) => {
        const closeOut = project.closeOut;
        if (!closeOut || closeOut.round !== roundOf(work) || closeOut.reviewCardId === activityId) return undefined;
        return recorded({ ...project, closeOut: { ...closeOut, reviewCardId: activityId } });
      });
    },
  };
  const decision: DueWorkHandler = {
    kind: LifecycleKind.decision,
    async plan(work) {
      const pir = await deps.pirs.findByReference(work.targetId);
      const made = readProject(pir?.project).closeOut?.reviews.find((r) => r.round === roundOf(work));
      if (!pir || !made) return { action: 'drop', reason: 'no decision on this round' };
      const summary = `${pir.reference ?? ''}: ${made.decision === 'accepted' ? 'closed' : 'more asked for'}`;
      return postTo(
        await leadChat(deps, pir.lead.id),
        { card: decisionNotice(pir, made), summary },
        'the lead has no 1:1 chat with the bot',
      );
    },
    async settle() {},
  };
  return [review, decision];
}
