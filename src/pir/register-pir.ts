import type { BotRouter } from '../bot/router.js';
import type { HelpTopics } from '../help/help-topics.js';
import { buildListCard } from './cards/list-card.js';
import { buildPositionCard } from './cards/position-card.js';
import { handleAssign, handleDecide, handleShowDetails } from './handlers/assessment-actions.js';
import { handleEdit, handleResume, handleStepMove } from './handlers/lead-actions.js';
import { continueRequest, createDraft, listRequests, showStatus, startRequest } from './handlers/lead-commands.js';
import { handleSubmit } from './handlers/submit-request.js';
import type { PirDeps } from './pir-deps.js';
import { PirVerb } from './pir-verbs.js';

export const START_PATTERN =
  /^(please )?(new|start|create|begin|open|submit|make|raise)( a| an| my)?( new)? (request|pir|patient involvement request|involvement request)( please)?$/i;

export const startRequestButton = { title: 'Start a Patient Involvement Request', verb: PirVerb.start };

/** The Patient Involvement Request: the lead's guided conversation and the PPI team's assessment. */
export function registerPir(router: BotRouter, deps: PirDeps & { topics: HelpTopics }): void {
  deps.topics.add({
    heading: 'Project leads (in a 1:1 chat with me)',
    commands: [
      { command: 'new request', description: 'Start a Patient Involvement Request, one step at a time.' },
      { command: 'continue', description: 'Carry on where you left off.' },
      { command: 'my requests', description: 'Your drafts and submitted requests.' },
      { command: 'status PIR-2026-0042', description: 'Where a request stands, with its history.' },
    ],
  });

  router.command(START_PATTERN, (turn) => startRequest(turn, deps));
  router.command(/^(continue|resume)( my)?( request| pir| draft)?$/i, (turn) => continueRequest(turn, deps));
  router.command(/^((list|show) )?my (requests|pirs|drafts)$/i, (turn) => listRequests(turn, deps));
  router.command(/^status\b\s*(\S*)/i, (turn, match) => showStatus(turn, deps, match[1] ?? ''));

  router.cardAction(PirVerb.start, async (turn) => {
    if (turn.conversation.kind !== 'personal') return { card: buildListCard([]) };
    return { card: buildPositionCard(await createDraft(turn, deps)) };
  });
  router.cardAction(PirVerb.list, async (turn) => ({
    card: buildListCard(await deps.pirs.listForLead(turn.actor.id)),
  }));
  router.cardAction(PirVerb.resume, (turn, data) => handleResume(turn, deps, data));
  router.cardAction(PirVerb.next, (turn, data) => handleStepMove(turn, deps, data, 'next'));
  router.cardAction(PirVerb.back, (turn, data) => handleStepMove(turn, deps, data, 'back'));
  router.cardAction(PirVerb.save, (turn, data) => handleStepMove(turn, deps, data, 'save'));
  router.cardAction(PirVerb.edit, (turn, data) => handleEdit(turn, deps, data));
  router.cardAction(PirVerb.submit, (turn, data) => handleSubmit(turn, deps, data));
  router.cardAction(PirVerb.decide, (turn, data) => handleDecide(turn, deps, data));
  router.cardAction(PirVerb.assignMe, (turn, data) => handleAssign(turn, deps, data, true));
  router.cardAction(PirVerb.assign, (turn, data) => handleAssign(turn, deps, data, false));
  router.cardAction(PirVerb.details, (turn, data) => handleShowDetails(turn, deps, data, true));
  router.cardAction(PirVerb.summary, (turn, data) => handleShowDetails(turn, deps, data, false));
}
