import type { AdaptiveCard } from '../../src/bot/turn.js';
import { CLOSE_OUT_STEPS } from '../../src/lifecycle/domain/close-out-steps.js';
import { LifecycleVerb } from '../../src/lifecycle/lifecycle-verbs.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import type { BotHarness } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { type Person, people } from '../helpers/people.js';
import { setUpPpiChannel, submitRequest } from '../pir/pir-helpers.js';

export const leadChat = `a:personal-${people.lead.id}`;
export const REFERENCE = 'PIR-2026-0001';

/** A close-out's answers as the cards send them (multi-selects as comma-separated ids). */
export const closeOutInputs: Record<(typeof CLOSE_OUT_STEPS)[number]['id'], Record<string, unknown>> = {
  aim: { aim: 'To redesign the discharge lounge with the people who wait in it.' },
  methods: {
    methods: 'Two focus groups and a walk-through of the lounge with patients and carers.',
    peopleCount: 24,
    seldomHeard: 'carers',
    protectedGroups: 'age,disability',
    groupCount: 9,
  },
  outcomes: {
    outcomesGood: 'Medicines are now prepared the day before discharge; waits fell by an hour.',
    outcomesBad: 'The evening sessions were poorly attended.',
  },
  influence: {
    influence: 'Patients chose the new layout and the order of the discharge checklist.',
    achievedRung: 'co-design',
  },
  reflections: {
    wentWell: 'Patients led the walk-through and spotted what staff had missed.',
    doDifferently: 'Start earlier and offer sessions in the community as well.',
  },
  told: { participantsTold: 'yes', toldHow: 'A letter and the patient newsletter', toldOn: '2027-07-01' },
};

/** The last proactive card sent to a conversation. */
export function lastCardTo(h: BotHarness, conversationId: string): AdaptiveCard {
  const message = h.messenger.sentTo(conversationId).at(-1)?.message;
  if (!message || typeof message === 'string') throw new Error(`no card sent to ${conversationId}`);
  return message.card;
}

/** A submitted request, decided by the PPI team (accepted with one condition unless said otherwise). */
export async function acceptedRequest(
  h: BotHarness,
  decision: 'accept' | 'accept-with-conditions' = 'accept-with-conditions',
  extra: Record<string, unknown> = {
    conditions: 'Involve carers in the design group\n- Share the results with the forum',
    expectedRung: 'co-production',
  },
): Promise<void> {
  await setUpPpiChannel(h);
  await h.install(people.lead);
  await submitRequest(h);
  const card = lastCardTo(h, ppiChannel.channelId);
  await h.click(people.admin, PirVerb.decide, { ...actionData(card, PirVerb.decide), decision, ...extra }, ppiChannel);
}

/** Opens the close-out and answers every step; returns the lead's review card. */
export async function fillCloseOut(h: BotHarness, lead: Person = people.lead): Promise<AdaptiveCard> {
  let card = (await h.say(lead, `close out ${REFERENCE}`)).cards[0];
  for (const step of CLOSE_OUT_STEPS) {
    card = (
      await h.click(lead, LifecycleVerb.next, { ...actionData(card, LifecycleVerb.next), ...closeOutInputs[step.id] })
    ).card;
  }
  if (!card) throw new Error('no review card');
  return card;
}
