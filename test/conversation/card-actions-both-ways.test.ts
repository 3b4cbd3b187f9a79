import { describe, expect, it } from 'vitest';
import { OUT_OF_DATE_CARD } from '../../src/bot/refusals.js';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { STALE_BUTTON } from '../../src/fallback/register-fallback.js';
import { HelpVerb } from '../../src/help/help-verbs.js';
import { LIFECYCLE_JOB } from '../../src/lifecycle/domain/lifecycle-work.js';
import { LifecycleVerb } from '../../src/lifecycle/lifecycle-verbs.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { REMINDERS_JOB } from '../../src/records/domain/told-reminder.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { ReportVerb } from '../../src/reports/reports-verbs.js';
import { managersChannel, type Place, personal, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText, type PressedAs, type TurnResult } from '../helpers/bot-harness.js';
import { actionData, cardButtons } from '../helpers/card-actions.js';
import { type Person, people } from '../helpers/people.js';
import {
  acceptedRequest,
  closeOutInputs,
  fillCloseOut,
  lastCardTo,
  leadChat,
  REFERENCE,
} from '../lifecycle/lifecycle-helpers.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { fillRequest, setUpPpiChannel, submitRequest } from '../pir/pir-helpers.js';
import { engagement, yswd } from '../records/record-fixtures.js';

/** One press of a button: who, where, the data the card sends back (its own and its inputs), what the handler shows. */
interface Press {
  readonly person: Person;
  readonly place?: Place;
  readonly data: Record<string, unknown>;
  /** Text the route's handler puts on the card it answers with (so not a refusal, the fallback or an error). */
  readonly shows: string;
  /** A button that runs a command (help's menus): the command's own answer, a new message, holds this text. */
  readonly says?: string;
}

/** Brings a fresh bot to a card offering the verb (as a person would get there) and says how it is pressed. */
type Scenario = (h: BotHarness) => Promise<Press>;

const REGISTERED = new Date('2026-11-23T10:00:00Z');

function cardOf(message: unknown): AdaptiveCard {
  if (!message || typeof message !== 'object' || !('card' in message)) throw new Error('not a card message');
  return (message as { card: AdaptiveCard }).card;
}

async function firstStep(h: BotHarness): Promise<AdaptiveCard> {
  const card = (await h.say(people.lead, 'new request')).cards[0];
  if (!card) throw new Error('no step card');
  return card;
}

async function secondStep(h: BotHarness): Promise<AdaptiveCard> {
  const step1 = await firstStep(h);
  const next = await h.click(people.lead, PirVerb.next, { ...actionData(step1, PirVerb.next), ...stepAnswers.basics });
  if (!next.card) throw new Error('no second step');
  return next.card;
}

/** The PPI team's card for a submitted request, in the PPI team channel. */
async function assessmentCard(h: BotHarness): Promise<AdaptiveCard> {
  await setUpPpiChannel(h);
  await h.install(people.lead);
  await h.say(people.admin, 'add PPI team member', ppiChannel, [people.member]);
  await submitRequest(h);
  return cardOf(h.messenger.sentTo(ppiChannel.channelId)[0]?.message);
}

/** A champion's six-weekly check-in card, just delivered (with a deputy named, so it offers the hand-over). */
async function checkInCard(h: BotHarness): Promise<AdaptiveCard> {
  await h.say(people.champion, "I'm a champion for Finance");
  await h.say(people.champion, 'my deputy is', managersChannel, [people.deputy]);
  h.clock = new Date('2027-01-04T10:00:00Z');
  await h.bot.scheduler.runOnce(NUDGE_JOB);
  return cardOf(h.messenger.sent.at(-1)?.message);
}

async function recordsForm(h: BotHarness, command: string): Promise<AdaptiveCard> {
  const card = (await h.say(people.lead, command)).cards[0];
  if (!card) throw new Error(`no card for ${command}`);
  return card;
}

/** The engagement record form for the "Involving" category. */
async function engagementForm(h: BotHarness): Promise<AdaptiveCard | undefined> {
  const category = await recordsForm(h, 'log engagement');
  const data = { ...actionData(category, RecordVerb.category), category: 'involving' };
  return (await h.click(people.lead, RecordVerb.category, data)).card;
}

/** A "You said, we did" item saved by the lead, waiting for sign-off; returns the approvals card. */
async function approvalsCard(h: BotHarness): Promise<AdaptiveCard> {
  const form = await recordsForm(h, 'you said we did');
  await h.click(people.lead, RecordVerb.save, { ...actionData(form, RecordVerb.save), ...yswd });
  const list = (await h.say(people.admin, 'approvals', ppiChannel)).cards[0];
  if (!list) throw new Error('no approvals card');
  return list;
}

/** An accepted request's status card, as its lead sees it in the 1:1 chat (Close out, Mark met). */
async function statusCard(h: BotHarness): Promise<AdaptiveCard> {
  await acceptedRequest(h);
  const card = (await h.say(people.lead, `status ${REFERENCE}`)).cards[0];
  if (!card) throw new Error('no status card');
  return card;
}

/** The first step of an accepted request's close-out. */
async function closeOutStep(h: BotHarness): Promise<AdaptiveCard> {
  await acceptedRequest(h);
  const card = (await h.say(people.lead, `close out ${REFERENCE}`)).cards[0];
  if (!card) throw new Error('no close-out card');
  return card;
}

/** After the end date: the lead's close-out review card (every step answered). */
async function closeOutReview(h: BotHarness): Promise<AdaptiveCard> {
  await acceptedRequest(h);
  h.clock = new Date('2027-07-06T10:00:00Z');
  return fillCloseOut(h);
}

/** A close-out sent to the PPI team: its review card in the PPI team channel. */
async function ppiReviewCard(h: BotHarness): Promise<AdaptiveCard> {
  const review = await closeOutReview(h);
  await h.click(people.lead, LifecycleVerb.submit, actionData(review, LifecycleVerb.submit));
  return lastCardTo(h, ppiChannel.channelId);
}

/** The close-out check-in, delivered the working day after the end date. */
async function closeOutCheckIn(h: BotHarness): Promise<AdaptiveCard> {
  await acceptedRequest(h);
  h.clock = new Date('2027-07-01T08:31:00Z');
  await h.bot.scheduler.runOnce(LIFECYCLE_JOB);
  return lastCardTo(h, leadChat);
}

/** The "told participants" reminder, five working days after a "You said, we did" item was signed off. */
async function toldReminder(h: BotHarness): Promise<AdaptiveCard> {
  await h.install(people.lead);
  const approvals = await approvalsCard(h);
  await h.click(people.admin, RecordVerb.approve, actionData(approvals, RecordVerb.approve), ppiChannel);
  h.clock = new Date('2026-11-30T09:31:00Z');
  await h.bot.scheduler.runOnce(REMINDERS_JOB);
  return lastCardTo(h, leadChat);
}

const on = (card: AdaptiveCard | undefined, verb: string, inputs: Record<string, unknown> = {}) => ({
  ...actionData(card, verb),
  ...inputs,
});

/** Every card route, keyed by verb. A verb without a scenario fails the first test. */
const scenarios: Record<string, Scenario> = {
  [HelpVerb.show]: async () => ({ person: people.lead, data: {}, shows: 'What I can do' }),
  [HelpVerb.run]: async (h) => {
    const menu = (await h.click(people.lead, HelpVerb.show, { view: 'lead' })).card;
    const mine = cardButtons(menu).find((b) => b.data.command === 'my requests');
    return {
      person: people.lead,
      data: mine?.data ?? {},
      shows: 'For project leads',
      says: 'Your Patient Involvement Requests',
    };
  },
  [PirVerb.start]: async (h) => {
    const list = (await h.say(people.lead, 'my requests')).cards[0];
    return { person: people.lead, data: on(list, PirVerb.start), shows: 'Step 1 of 8' };
  },
  [PirVerb.list]: async (h) => {
    const choose = (await h.say(people.lead, 'status')).cards[0];
    return { person: people.lead, data: on(choose, PirVerb.list), shows: 'Your Patient Involvement Requests' };
  },
  [PirVerb.status]: async (h) => {
    await setUpPpiChannel(h);
    await submitRequest(h);
    const choose = (await h.say(people.lead, 'status')).cards[0];
    return {
      person: people.lead,
      data: on(choose, PirVerb.status),
      shows: 'Which request would you like the status of?',
      says: 'PIR-2026-0001',
    };
  },
  [PirVerb.discard]: async (h) => {
    await firstStep(h);
    const list = (await h.say(people.lead, 'my requests')).cards[0];
    return { person: people.lead, data: on(list, PirVerb.discard), shows: 'Discard “Untitled request”?' };
  },
  [PirVerb.discardConfirmed]: async (h) => {
    await firstStep(h);
    const list = (await h.say(people.lead, 'my requests')).cards[0];
    const ask = (await h.click(people.lead, PirVerb.discard, on(list, PirVerb.discard))).card;
    return { person: people.lead, data: on(ask, PirVerb.discardConfirmed), shows: 'Discarded “Untitled request”.' };
  },
  [PirVerb.resume]: async (h) => {
    await firstStep(h);
    const list = (await h.say(people.lead, 'my requests')).cards[0];
    return { person: people.lead, data: on(list, PirVerb.resume), shows: 'Step 1 of 8' };
  },
  [PirVerb.next]: async (h) => ({
    person: people.lead,
    data: on(await firstStep(h), PirVerb.next, stepAnswers.basics),
    shows: 'Step 2 of 8',
  }),
  [PirVerb.back]: async (h) => ({
    person: people.lead,
    data: on(await secondStep(h), PirVerb.back),
    shows: 'Step 1 of 8',
  }),
  [PirVerb.save]: async (h) => ({
    person: people.lead,
    data: on(await firstStep(h), PirVerb.save, stepAnswers.basics),
    shows: 'is saved',
  }),
  [PirVerb.edit]: async (h) => ({
    person: people.lead,
    data: on(await fillRequest(h), PirVerb.edit, { step: 'groups' }),
    shows: 'Save and return to review',
  }),
  [PirVerb.submit]: async (h) => {
    await setUpPpiChannel(h);
    return { person: people.lead, data: on(await fillRequest(h), PirVerb.submit), shows: 'PIR-2026-0001' };
  },
  [PirVerb.decide]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await assessmentCard(h), PirVerb.decide, { decision: 'accept' }),
    shows: 'Accepted by Pat PPI-Admin',
  }),
  [PirVerb.assignMe]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await assessmentCard(h), PirVerb.assignMe),
    shows: 'assigned to Pat PPI-Admin',
  }),
  [PirVerb.assign]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await assessmentCard(h), PirVerb.assign, { assigneeId: people.member.id }),
    shows: 'assigned to Morgan Member',
  }),
  [PirVerb.details]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await assessmentCard(h), PirVerb.details),
    shows: 'Show summary',
  }),
  [PirVerb.summary]: async (h) => {
    const card = await assessmentCard(h);
    const details = await h.click(people.admin, PirVerb.details, on(card, PirVerb.details), ppiChannel);
    return {
      person: people.admin,
      place: ppiChannel,
      data: on(details.card, PirVerb.summary),
      shows: 'Show full answers',
    };
  },
  [PirVerb.requests]: async (h) => {
    await assessmentCard(h);
    const list = (await h.say(people.admin, 'requests')).cards[0];
    return { person: people.admin, data: on(list, PirVerb.requests), shows: 'Awaiting assessment (1)' };
  },
  [PirVerb.open]: async (h) => {
    await assessmentCard(h);
    const list = (await h.say(people.admin, 'requests')).cards[0];
    return { person: people.admin, data: on(list, PirVerb.open), shows: 'Show full answers' };
  },
  [ChampionVerb.log]: async (h) => ({
    person: people.champion,
    data: on(await checkInCard(h), ChampionVerb.log, {
      project: 'Discharge letters',
      shaped: 'Patients rewrote the letter.',
      category: 'involving',
      rung: 'co-design',
      people: '12',
    }),
    shows: 'Your next check-in is due',
  }),
  [ChampionVerb.noWork]: async (h) => ({
    person: people.champion,
    data: on(await checkInCard(h), ChampionVerb.noWork, { idea: 'Ask the PPG next time.' }),
    shows: 'no relevant work this time',
  }),
  [ChampionVerb.nothing]: async (h) => ({
    person: people.champion,
    data: on(await checkInCard(h), ChampionVerb.nothing, { whyNot: 'Year-end accounts only.' }),
    shows: 'Your next check-in is due',
  }),
  [ChampionVerb.snooze]: async (h) => ({
    person: people.champion,
    data: on(await checkInCard(h), ChampionVerb.snooze, { snooze: 'week' }),
    shows: 'Monday 11 January 2027',
  }),
  [ChampionVerb.register]: async (h) => {
    const picker = (await h.say(people.champion, "I'm a champion")).cards[0];
    return {
      person: people.champion,
      data: on(picker, ChampionVerb.register, { directorate: 'finance' }),
      shows: 'registered as a partnership champion for Finance',
    };
  },
  [ChampionVerb.deputyPicked]: async (h) => {
    await h.say(people.champion, "I'm a champion for Finance");
    const picker = (await h.say(people.champion, 'my deputy')).cards[0];
    return {
      person: people.champion,
      data: on(picker, ChampionVerb.deputyPicked, { deputy: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }),
      shows: 'now your deputy',
    };
  },
  [ReportVerb.quarter]: async (h) => {
    const report = (await h.say(people.admin, 'report', ppiChannel)).cards[0];
    return {
      person: people.admin,
      place: ppiChannel,
      data: on(report, ReportVerb.quarter, { quarter: '2026-Q3' }),
      shows: 'Q2 2026/27: July to September 2026',
    };
  },
  [ChampionVerb.deputy]: async (h) => ({
    person: people.champion,
    data: on(await checkInCard(h), ChampionVerb.deputy),
    shows: 'Passed to Dee Deputy',
  }),
  [RecordVerb.category]: async (h) => ({
    person: people.lead,
    data: on(await recordsForm(h, 'log engagement'), RecordVerb.category, { category: 'involving' }),
    shows: 'How were people involved?',
  }),
  [RecordVerb.mine]: async (h) => {
    const saved = await h.click(people.lead, RecordVerb.save, on(await engagementForm(h), RecordVerb.save, engagement));
    return { person: people.lead, data: on(saved.card, RecordVerb.mine), shows: 'Focus group' };
  },
  [RecordVerb.save]: async (h) => ({
    person: people.lead,
    data: on(await engagementForm(h), RecordVerb.save, engagement),
    shows: 'Saved to the engagement records',
  }),
  [RecordVerb.edit]: async (h) => {
    await approvalsCard(h);
    const mine = (await h.say(people.lead, 'my records')).cards[0];
    return { person: people.lead, data: on(mine, RecordVerb.edit), shows: 'Car park signs were confusing.' };
  },
  [RecordVerb.approve]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await approvalsCard(h), RecordVerb.approve),
    shows: 'Signed off by Pat PPI-Admin',
  }),
  [RecordVerb.sendBack]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await approvalsCard(h), RecordVerb.sendBack, { comment: 'Please add the date of the change.' }),
    shows: 'Sent back to Priya Lead',
  }),
  [RecordVerb.told]: async (h) => ({
    person: people.lead,
    data: on(await toldReminder(h), RecordVerb.told, { toldHow: 'The patient newsletter', toldOn: '2026-11-30' }),
    shows: 'recorded that participants were told',
  }),
  [LifecycleVerb.closeOut]: async (h) => ({
    person: people.lead,
    data: on(await statusCard(h), LifecycleVerb.closeOut),
    shows: 'Step 1 of 6',
  }),
  [LifecycleVerb.conditionMet]: async (h) => ({
    person: people.lead,
    data: on(await statusCard(h), LifecycleVerb.conditionMet),
    shows: 'Involve carers in the design group · met',
  }),
  [LifecycleVerb.next]: async (h) => ({
    person: people.lead,
    data: on(await closeOutStep(h), LifecycleVerb.next, closeOutInputs.aim),
    shows: 'Step 2 of 6',
  }),
  [LifecycleVerb.back]: async (h) => {
    const step1 = await closeOutStep(h);
    const step2 = await h.click(people.lead, LifecycleVerb.next, on(step1, LifecycleVerb.next, closeOutInputs.aim));
    return { person: people.lead, data: on(step2.card, LifecycleVerb.back), shows: 'Step 1 of 6' };
  },
  [LifecycleVerb.save]: async (h) => ({
    person: people.lead,
    data: on(await closeOutStep(h), LifecycleVerb.save, closeOutInputs.aim),
    shows: 'is saved',
  }),
  [LifecycleVerb.edit]: async (h) => ({
    person: people.lead,
    data: on(await closeOutReview(h), LifecycleVerb.edit, { step: 'methods' }),
    shows: 'Save and return to review',
  }),
  [LifecycleVerb.submit]: async (h) => ({
    person: people.lead,
    data: on(await closeOutReview(h), LifecycleVerb.submit),
    shows: `Close-out sent: ${REFERENCE}`,
  }),
  [LifecycleVerb.extend]: async (h) => ({
    person: people.lead,
    data: on(await closeOutCheckIn(h), LifecycleVerb.extend, {
      newEndDate: '2027-09-30',
      extendReason: 'The second focus group moved to September.',
    }),
    shows: 'now runs until Thursday 30 September 2027',
  }),
  [LifecycleVerb.stop]: async (h) => ({
    person: people.lead,
    data: on(await closeOutCheckIn(h), LifecycleVerb.stop, { stopReason: 'The service was reconfigured.' }),
    shows: 'is recorded as stopped',
  }),
  [LifecycleVerb.accept]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await ppiReviewCard(h), LifecycleVerb.accept),
    shows: 'Closed by Pat PPI-Admin',
  }),
  [LifecycleVerb.more]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await ppiReviewCard(h), LifecycleVerb.more, { comment: 'Please say how carers were reached.' }),
    shows: 'More asked for by Pat PPI-Admin',
  }),
  [LifecycleVerb.evaluation]: async (h) => ({
    person: people.admin,
    place: ppiChannel,
    data: on(await ppiReviewCard(h), LifecycleVerb.evaluation, { evaluationOwn: 'We felt listened to.' }),
    shows: 'We felt listened to.',
  }),
};

/** The CARD_ACTIONS setting the bot runs with, and how the button is pressed: the four pairs. */
const WAYS: readonly { readonly setting: PressedAs; readonly pressed: PressedAs }[] = [
  { setting: 'execute', pressed: 'execute' },
  { setting: 'submit', pressed: 'submit' },
  // Cards sent before the setting changed: the old kind of button still works.
  { setting: 'submit', pressed: 'execute' },
  { setting: 'execute', pressed: 'submit' },
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** What a press led to, comparable across ways: the answering card's text, the messages said, the proactive sends. */
function outcomeOf(result: TurnResult, sentBefore: number, h: BotHarness) {
  const sent = h.messenger.sent.slice(sentBefore).map((s) => cardText(s.message));
  return JSON.stringify({ card: cardText(result.card), texts: result.texts, sent }).replace(UUID, '<id>');
}

async function pressOnce(verb: string, scenario: Scenario, setting: PressedAs, pressed: PressedAs) {
  const h = await BotHarness.start({ now: REGISTERED, env: { CARD_ACTIONS: setting } });
  const press = await scenario(h);
  const sentBefore = h.messenger.sent.length;
  const result = await h.press(pressed, press.person, verb, press.data, press.place ?? personal);
  return { h, press, result, outcome: outcomeOf(result, sentBefore, h) };
}

describe('every card button works as Action.Execute and as Action.Submit, whatever CARD_ACTIONS says', () => {
  it('has a scenario for every card route in the policy table', async () => {
    const h = await BotHarness.start();
    const cardRoutes = h.bot.routes.filter((r) => r.kind === 'card').map((r) => r.route);
    expect(cardRoutes.length).toBeGreaterThan(20);
    expect(cardRoutes.filter((verb) => !(verb in scenarios))).toEqual([]);
    expect(Object.keys(scenarios).filter((verb) => !cardRoutes.includes(verb))).toEqual([]);
  });

  for (const [verb, scenario] of Object.entries(scenarios)) {
    it(`${verb}: the same handler outcome pressed either way, the answer in place`, { timeout: 30_000 }, async () => {
      const outcomes: string[] = [];
      for (const { setting, pressed } of WAYS) {
        const { press, result, outcome } = await pressOnce(verb, scenario, setting, pressed);
        const way = `${pressed} with CARD_ACTIONS=${setting}`;
        const text = cardText(result.card);
        expect(text, way).toContain(press.shows);
        for (const notHandled of [STALE_BUTTON, OUT_OF_DATE_CARD, 'something went wrong'])
          expect(text, way).not.toContain(notHandled);
        if (pressed === 'submit') {
          // Updated in place: the clicked card's message, not a new one.
          expect(
            result.updated.map((a) => a.id),
            way,
          ).toContain('card-1');
          const newCards = result.replies.filter((r) => (r.attachments ?? []).length > 0);
          if (press.says) expect(cardText(newCards[0]?.attachments?.[0]?.content), way).toContain(press.says);
          else expect(newCards, way).toEqual([]);
        } else {
          expect(result.invokeStatus, way).toBe(200);
        }
        // The answering card's buttons are the kind the setting asks for.
        const kinds = new Set(cardButtons(result.card).map((b) => b.type));
        expect(kinds.has(setting === 'submit' ? 'Action.Execute' : 'Action.Submit'), way).toBe(false);
        outcomes.push(outcome);
      }
      expect(new Set(outcomes).size, outcomes.join('\n')).toBe(1);
    });
  }
});
