import type { CardText } from '../bot/card-text.js';
import { botText } from '../bot/card-text.js';
import type { BotRouter, CardData } from '../bot/router.js';
import { answer } from '../bot/router.js';
import { buildListCard } from './cards/list-card.js';
import { buildPositionCard } from './cards/position-card.js';
import { parseAssessmentRef, parseCardRef, parsePirId, parseSubmission } from './domain/card-ref.js';
import { parseReference } from './domain/pir-reference.js';
import { isStepId } from './domain/steps.js';
import {
  type Assessed,
  assessmentCard,
  handleAssign,
  handleDecide,
  loadAssessed,
} from './handlers/assessment-actions.js';
import { askToDiscard, discardDraft } from './handlers/discard-draft.js';
import { showLadder } from './handlers/ladder.js';
import { handleEdit, handleResume, handleStepMove, leadNotice, loadLeadsRequest } from './handlers/lead-actions.js';
import { chooseStatus, continueRequest, createDraft, listRequests, startRequest } from './handlers/lead-commands.js';
import { listPpiRequests, ppiRequestsCard } from './handlers/ppi-requests.js';
import { handleSubmit } from './handlers/submit-request.js';
import type { PirDeps } from './pir-deps.js';
import { PirVerb } from './pir-verbs.js';
import { pirLists } from './store/pir-lists.js';

export const START_PATTERN =
  /^(please )?(new|start|create|begin|open|submit|make|raise)( a| an| my)?( new)? (request|pir|patient involvement request|involvement request)( please)?$/i;

/** A list's Status button: the request's reference (an old or forged card: anything else is out of date). */
function parseReferenceData(raw: CardData): string | undefined {
  const text = typeof raw.reference === 'string' ? raw.reference.trim().toUpperCase() : '';
  return parseReference(text) ? text : undefined;
}

function parseDiscard(raw: CardData): { readonly pirId: string; readonly revision: number } | undefined {
  const ref = parsePirId(raw);
  return ref && typeof raw.revision === 'number' && Number.isInteger(raw.revision)
    ? { pirId: ref.pirId, revision: raw.revision }
    : undefined;
}

const DISCARDED = botText('That draft has been discarded.');

function parseEdit(raw: CardData) {
  const ref = parseCardRef({ ...raw, step: 'review' });
  return ref ? { ref, target: isStepId(raw.step) ? raw.step : undefined } : undefined;
}

/** The Patient Involvement Request: the lead's guided conversation and the PPI team's assessment. */
export function registerPir(router: BotRouter, deps: PirDeps): void {
  deps.topics.add({
    heading: 'Project leads (in a 1:1 chat with me)',
    commands: [
      { command: 'new request', description: 'Start a Patient Involvement Request, one step at a time.' },
      { command: 'continue', description: 'Carry on where you left off.' },
      { command: 'my requests', description: 'Your drafts and submitted requests.' },
      { command: 'status', description: 'Choose one of your requests to see where it stands.' },
      { command: 'ladder', description: 'The ladder of engagement, every rung and what it means.' },
    ],
  });
  deps.topics.add({
    heading: 'PPI team: assessing requests',
    commands: [
      {
        command: 'requests',
        description: 'What is awaiting assessment, assigned to you, or back with the lead for changes.',
      },
    ],
  });
  deps.topics.addToMenu('ppi-team', { title: 'Requests to assess', command: 'requests', rank: 5 });
  deps.topics.addToMenu(
    'lead',
    { title: 'Start a new request', command: 'new request' },
    { title: 'Carry on with a draft', command: 'continue' },
    { title: 'My requests', command: 'my requests' },
    { title: 'Where is my request?', command: 'status' },
  );
  router.command(
    {
      name: 'ladder',
      pattern: /^((show|explain)( me)? )?(the )?ladder( of (engagement|participation))?$/i,
      who: 'anyone',
      where: 'anywhere',
      phrases: ['ladder', 'ladder of engagement', 'engagement ladder', 'what are the rungs'],
    },
    (turn) => showLadder(turn),
  );
  const anyLead = { who: 'anyone', where: 'personal', notice: leadNotice } as const;
  const leadOf = ({ value }: { value: { lead: { id: string } } }) => ({ lead: value.lead.id });
  const lead = { who: 'lead', where: 'personal', notice: leadNotice, holders: leadOf } as const;
  const load = loadLeadsRequest(deps);
  // The PPI team assesses in its channel, or from `requests` in a 1:1 chat (the channel's card is updated either way).
  const ppiPlaces = ['channel', 'personal'] as const;
  const ppiTeam = {
    who: 'ppi-team',
    where: ppiPlaces,
    data: parseAssessmentRef,
    load: loadAssessed(deps),
    whenRefused: (notice: CardText, item: Assessed) => ({ card: assessmentCard(item, item.loaded.value, { notice }) }),
  } as const;

  router.command(
    {
      ...anyLead,
      name: 'new request',
      pattern: START_PATTERN,
      phrases: [
        'new request',
        'start request',
        'start new request',
        'new involvement request',
        'new patient involvement request',
        'new pir',
        'start pir',
        'create request',
        'new project',
        'tell ppi team about my project',
      ],
    },
    (turn) => startRequest(turn, deps),
  );
  router.command(
    {
      ...anyLead,
      name: 'continue',
      pattern: /^(continue|resume|carry on)( with)?( my)?( request| pir| draft)?$/i,
      phrases: [
        'continue',
        'carry on',
        'resume',
        'continue my request',
        'pick up where i left off',
        'finish my request',
      ],
    },
    (turn) => continueRequest(turn, deps),
  );
  router.command(
    {
      ...anyLead,
      name: 'my requests',
      pattern: /^((list|show|see|view)( me)? )?(all )?my (requests|pirs|drafts)$/i,
      phrases: ['my requests', 'requests', 'my pirs', 'my drafts', 'what requests have i made'],
    },
    (turn) => listRequests(turn, deps),
  );
  router.command(
    {
      name: 'status',
      pattern: /^status$/i,
      who: 'anyone',
      where: 'anywhere',
      phrases: ['status', 'request status', 'check status', 'status of my request', 'where is my request'],
    },
    (turn) => chooseStatus(turn, deps),
  );
  router.cardAction({ ...anyLead, verb: PirVerb.start }, async (turn) =>
    buildPositionCard(await createDraft(turn, deps), await pirLists(deps)),
  );
  // Status on the lead's list runs `status PIR-…` as if typed (its own route and policy answer, as a new message)
  // and the list stays, so another request can be chosen.
  router.cardAction({ ...anyLead, verb: PirVerb.status, data: parseReferenceData }, async (turn, reference) => {
    await router.runCommandText(turn, `status ${reference}`);
    return buildListCard(await deps.pirs.listForLead(turn.actor.id), 'status');
  });
  router.cardAction(
    { ...lead, verb: PirVerb.discard, data: parsePirId, load: (turn, d) => load(turn, d.pirId) },
    (turn, _data, loaded) => askToDiscard(turn, deps, loaded),
  );
  router.cardAction(
    {
      ...lead,
      verb: PirVerb.discardConfirmed,
      data: parseDiscard,
      load: async (turn, d) =>
        (await deps.pirs.get(turn.actor.id, d.pirId)) ??
        answer({ card: buildListCard(await deps.pirs.listForLead(turn.actor.id), 'mine', DISCARDED) }),
    },
    (turn, asked, loaded) => discardDraft(turn, deps, asked, loaded),
  );
  router.cardAction({ ...anyLead, verb: PirVerb.list }, async (turn) =>
    buildListCard(await deps.pirs.listForLead(turn.actor.id)),
  );
  router.cardAction(
    { ...lead, verb: PirVerb.resume, data: parsePirId, load: (turn, d) => load(turn, d.pirId) },
    (_turn, _data, loaded) => handleResume(deps, loaded.value),
  );
  for (const [verb, move] of [
    [PirVerb.next, 'next'],
    [PirVerb.back, 'back'],
    [PirVerb.save, 'save'],
  ] as const) {
    router.cardAction(
      { ...lead, verb, data: parseSubmission, load: (turn, d) => load(turn, d.ref.pirId) },
      (turn, submission, loaded) => handleStepMove(turn, deps, submission, loaded, move),
    );
  }
  router.cardAction(
    { ...lead, verb: PirVerb.edit, data: parseEdit, load: (turn, d) => load(turn, d.ref.pirId) },
    (_turn, edit, loaded) => handleEdit(deps, edit, loaded),
  );
  router.cardAction(
    { ...lead, verb: PirVerb.submit, data: parseCardRef, load: (turn, ref) => load(turn, ref.pirId) },
    (turn, ref, loaded) => handleSubmit(turn, deps, ref, loaded),
  );

  router.command(
    {
      name: 'requests',
      pattern: /^((list|show) )?(the )?(open |waiting )?(requests|pirs)( waiting)?$/i,
      who: 'ppi-team',
      where: ppiPlaces,
      phrases: ['requests waiting', 'requests to assess', 'waiting requests', 'requests to review'],
    },
    (turn) => listPpiRequests(turn, deps),
  );
  router.cardAction({ verb: PirVerb.requests, who: 'ppi-team', where: ppiPlaces }, (turn) =>
    ppiRequestsCard(turn, deps),
  );
  router.cardAction({ ...ppiTeam, verb: PirVerb.open }, async (_turn, _data, item) =>
    assessmentCard(item, item.loaded.value),
  );
  router.cardAction({ ...ppiTeam, verb: PirVerb.decide }, (turn, submission, item) =>
    handleDecide(turn, deps, submission, item),
  );
  router.cardAction({ ...ppiTeam, verb: PirVerb.assignMe }, (turn, submission, item) =>
    handleAssign(turn, deps, submission, item, true),
  );
  router.cardAction({ ...ppiTeam, verb: PirVerb.assign }, (turn, submission, item) =>
    handleAssign(turn, deps, submission, item, false),
  );
  router.cardAction({ ...ppiTeam, verb: PirVerb.details }, async (_turn, _data, item) =>
    assessmentCard(item, item.loaded.value, { full: true }),
  );
  router.cardAction({ ...ppiTeam, verb: PirVerb.summary }, async (_turn, _data, item) =>
    assessmentCard(item, item.loaded.value, { full: false }),
  );
}
