import { describe, expect, it } from 'vitest';
import { LIFECYCLE_JOB } from '../../src/lifecycle/domain/lifecycle-work.js';
import { readProject } from '../../src/lifecycle/domain/project.js';
import { LifecycleVerb } from '../../src/lifecycle/lifecycle-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { acceptedRequest, lastCardTo, leadChat, REFERENCE } from './lifecycle-helpers.js';

/** The request ends on Wednesday 30 June 2027; its check-in is due Thursday 1 July at 09:30 BST. */
async function checkedIn() {
  const h = await BotHarness.start();
  await acceptedRequest(h, 'accept', {});
  h.clock = new Date('2027-07-01T08:31:00Z');
  await h.bot.scheduler.runOnce(LIFECYCLE_JOB);
  const card = lastCardTo(h, leadChat);
  return { h, card };
}

const checkIns = (h: BotHarness) =>
  h.messenger.sentTo(leadChat).filter((s) => cardText(s.message).includes('Close-out check-in'));

async function project(h: BotHarness) {
  return readProject((await h.bot.stores.pirs.findByReference(REFERENCE))?.project);
}

describe('the close-out check-in’s answers', () => {
  it('"it runs on": checks the date and the reason, moves the end date, and checks in again the working day after', async () => {
    const { h, card } = await checkedIn();
    expect(cardText(card)).toContain('The expected end date was Wednesday 30 June 2027');
    const data = actionData(card, LifecycleVerb.extend);
    const empty = await h.click(people.lead, LifecycleVerb.extend, data);
    expect(cardText(empty.card)).toContain('Please answer “If it runs on: the new expected end date”.');
    const past = await h.click(people.lead, LifecycleVerb.extend, {
      ...data,
      newEndDate: '2027-06-01',
      extendReason: 'Delays',
    });
    expect(cardText(past.card)).toContain('The new end date must be after today.');
    expect(cardText(past.card)).toContain('Delays');
    const moved = await h.click(people.lead, LifecycleVerb.extend, {
      ...data,
      newEndDate: '2027-09-30',
      extendReason: 'The second focus group moved to September.',
    });
    expect(cardText(moved.card)).toContain('now runs until Thursday 30 September 2027');
    expect((await project(h)).endDate).toBe('2027-09-30');
    const again = await h.click(people.lead, LifecycleVerb.stop, { ...data, stopReason: 'Clicked on an old card' });
    expect(cardText(again.card)).toContain('This check-in was already answered');
    expect((await project(h)).stopped).toBeUndefined();

    // No reminder for the old date; the new check-in on Friday 1 October 2027.
    h.clock = new Date('2027-07-08T08:31:00Z');
    await h.bot.scheduler.runOnce(LIFECYCLE_JOB);
    expect(checkIns(h)).toHaveLength(1);
    h.clock = new Date('2027-10-01T08:31:00Z');
    await h.bot.scheduler.runOnce(LIFECYCLE_JOB);
    expect(checkIns(h)).toHaveLength(2);
    expect(cardText(checkIns(h)[1]?.message)).toContain('Thursday 30 September 2027');
    const status = cardText((await h.say(people.lead, `status ${REFERENCE}`)).cards[0]);
    expect(status).toContain('moved from Wednesday 30 June 2027: The second focus group moved to September.');
  });

  it('"it stopped": needs the reason, ends the project, and the PPI team sees it; no reminder follows', async () => {
    const { h, card } = await checkedIn();
    const data = actionData(card, LifecycleVerb.stop);
    expect(cardText((await h.click(people.lead, LifecycleVerb.stop, data)).card)).toContain(
      'Please answer “If it stopped: why”.',
    );
    const done = await h.click(people.lead, LifecycleVerb.stop, {
      ...data,
      stopReason: 'The service was reconfigured.',
    });
    expect(cardText(done.card)).toContain(`${REFERENCE} is recorded as stopped`);
    h.clock = new Date('2027-07-09T08:31:00Z');
    await h.bot.scheduler.runOnce(LIFECYCLE_JOB);
    expect(checkIns(h)).toHaveLength(1);
    const list = cardText((await h.say(people.admin, 'close-outs', ppiChannel)).cards[0]);
    expect(list).toContain('Closed or stopped in the last 90 days (1)');
    expect(list).toContain(`${REFERENCE}`);
    const status = cardText((await h.say(people.lead, `status ${REFERENCE}`)).cards[0]);
    expect(status).toContain('Stage: Stopped');
    expect(cardText((await h.say(people.lead, `close out ${REFERENCE}`)).cards[0])).toContain('recorded as stopped');
  });

  it('"close out now" opens the close-out; another lead’s forged card finds nothing', async () => {
    const { h, card } = await checkedIn();
    const opened = await h.click(people.lead, LifecycleVerb.closeOut, actionData(card, LifecycleVerb.closeOut));
    expect(cardText(opened.card)).toContain(`Close-out ${REFERENCE} · Step 1 of 6`);
    const forged = await h.click(people.otherLead, LifecycleVerb.stop, {
      ...actionData(card, LifecycleVerb.stop),
      stopReason: 'Not mine',
    });
    expect(cardText(forged.card)).toContain("I couldn't find that request");
    expect((await project(h)).stopped).toBeUndefined();
  });

  it('shows the PPI team what is due for close-out, at a glance', async () => {
    const { h } = await checkedIn();
    const list = cardText((await h.say(people.admin, 'close-outs', ppiChannel)).cards[0]);
    expect(list).toContain('0 running; 1 due for close-out; 0 close-outs to review.');
    expect(list).toContain('Due for close-out (1)');
    expect((await h.say(people.lead, 'close-outs')).texts[0]).toContain('Only the PPI team');
  });
});
