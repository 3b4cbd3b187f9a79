import type { CardText } from '../bot/card-text.js';
import type { BotRouter } from '../bot/router.js';
import type { Turn } from '../bot/turn.js';
import { projectNotice } from './cards/lifecycle-notices.js';
import {
  parseCheckInSubmission,
  parseConditionRef,
  parseProjectRef,
  parseProjectSubmission,
  parseReviewSubmission,
} from './domain/lifecycle-refs.js';
import { handleCheckInAnswer } from './handlers/check-in-answers.js';
import { handleCloseOutEdit, handleCloseOutMove, handleCloseOutSubmit, openCloseOut } from './handlers/close-out.js';
import { listCloseOuts } from './handlers/close-outs-list.js';
import { handleConditionMet } from './handlers/conditions.js';
import { findProject, leadOf, loadOwnProject, notVisible, readReference } from './handlers/load-project.js';
import { handleReview, loadReviewed, reviewCard } from './handlers/review-close-out.js';
import { showStatus } from './handlers/show-status.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { LifecycleVerb } from './lifecycle-verbs.js';

const pirIdOf = (data: Readonly<Record<string, unknown>>) => parseProjectRef({ revision: 0, ...data });

/**
 * The request after acceptance: `status PIR-…`, the close-out (the lead's form, the PPI team's review and the Patient
 * Partners' evaluation), the check-in's answers, conditions marked met, and `close-outs` for the PPI team.
 */
export function registerLifecycle(router: BotRouter, deps: LifecycleDeps): void {
  deps.topics.add({
    heading: 'After a request is accepted',
    commands: [
      {
        command: 'status PIR-2026-0042',
        description: 'Where a request stands: stage, dates, rungs, conditions, records, history.',
      },
      {
        command: 'close out PIR-2026-0042',
        description: 'Project leads, in our 1:1 chat: what the involvement achieved, step by step.',
      },
      {
        command: 'close-outs',
        description: 'PPI team: projects due for close-out, close-outs to review, and what closed.',
      },
    ],
  });
  deps.topics.addToMenu('ppi-team', { title: 'Close-outs due and to review', command: 'close-outs', rank: 15 });
  const find = findProject(deps);
  const own = loadOwnProject(deps);
  const hidden = (_sentence: CardText, _item: unknown, reference: string) => notVisible(reference);
  router.command(
    {
      name: 'status PIR-2026-0042',
      pattern: /^status\b\s*(\S*)/i,
      who: ['lead', 'ppi-team'],
      where: 'anywhere',
      data: (m) => readReference('status')(m[1] ?? ''),
      load: find,
      holders: leadOf,
      whenRefused: hidden,
    },
    (turn, _reference, item) => showStatus(turn, deps, item),
  );
  router.command(
    {
      name: 'close out PIR-2026-0042',
      pattern: /^close[- ]?out\b\s*(\S*)$/i,
      who: 'lead',
      where: 'personal',
      data: (m) => readReference('close out')(m[1] ?? ''),
      load: find,
      holders: leadOf,
      whenRefused: hidden,
    },
    async (turn: Turn, _reference, item) => {
      await turn.say({ card: await openCloseOut(turn, deps, item), summary: 'Close-out' });
    },
  );
  router.command(
    {
      name: 'close-outs',
      pattern: /^close[- ]?outs( due)?$/i,
      who: 'ppi-team',
      where: 'anywhere',
      phrases: ['close-outs', 'close-outs due', 'projects due for close-out', 'close-outs to review', 'what closed'],
    },
    (turn) => listCloseOuts(turn, deps),
  );

  const lead = { who: 'lead', where: 'personal', notice: projectNotice, holders: leadOf } as const;
  router.cardAction(
    { ...lead, verb: LifecycleVerb.closeOut, data: pirIdOf, load: (turn, ref) => own(turn, ref.pirId) },
    (turn, _ref, item) => openCloseOut(turn, deps, item),
  );
  for (const [verb, move] of [
    [LifecycleVerb.next, 'next'],
    [LifecycleVerb.back, 'back'],
    [LifecycleVerb.save, 'save'],
  ] as const) {
    router.cardAction(
      { ...lead, verb, data: parseProjectSubmission, load: (turn, s) => own(turn, s.ref.pirId) },
      (turn, submission, item) => handleCloseOutMove(turn, deps, submission, item, move),
    );
  }
  router.cardAction(
    { ...lead, verb: LifecycleVerb.edit, data: parseProjectSubmission, load: (turn, s) => own(turn, s.ref.pirId) },
    (_turn, submission, item) => handleCloseOutEdit(deps, submission, item),
  );
  router.cardAction(
    { ...lead, verb: LifecycleVerb.submit, data: parseProjectRef, load: (turn, ref) => own(turn, ref.pirId) },
    (turn, ref, item) => handleCloseOutSubmit(turn, deps, ref, item),
  );
  for (const [verb, answer] of [
    [LifecycleVerb.extend, 'extend'],
    [LifecycleVerb.stop, 'stop'],
  ] as const) {
    router.cardAction(
      { ...lead, verb, data: parseCheckInSubmission, load: (turn, s) => own(turn, s.ref.pirId) },
      (turn, submission, item) => handleCheckInAnswer(turn, deps, submission, item, answer),
    );
  }
  router.cardAction(
    { ...lead, verb: LifecycleVerb.conditionMet, data: parseConditionRef, load: (turn, ref) => own(turn, ref.pirId) },
    (turn, ref, item) => handleConditionMet(turn, deps, ref, item),
  );

  const ppiTeam = {
    who: 'ppi-team',
    where: 'channel',
    data: parseReviewSubmission,
    load: loadReviewed(deps),
    whenRefused: (notice: CardText, item: Parameters<typeof reviewCard>[0]) => ({ card: reviewCard(item, notice) }),
  } as const;
  for (const [verb, action] of [
    [LifecycleVerb.accept, 'accept'],
    [LifecycleVerb.more, 'more'],
    [LifecycleVerb.evaluation, 'evaluation'],
  ] as const) {
    router.cardAction({ ...ppiTeam, verb }, (turn, submission, item) =>
      handleReview(turn, deps, submission, item, action),
    );
  }
}
