import { describe, expect, it } from 'vitest';
import { readProject } from '../../src/lifecycle/domain/project.js';
import { LifecycleVerb } from '../../src/lifecycle/lifecycle-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText, cardVerbs } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { acceptedRequest, closeOutInputs, fillCloseOut, lastCardTo, leadChat, REFERENCE } from './lifecycle-helpers.js';

/** After the expected end date (30 June 2027): Tuesday 6 July 2027, 11:00 BST. */
const AFTER_END = new Date('2027-07-06T10:00:00Z');

async function started() {
  const h = await BotHarness.start();
  await acceptedRequest(h);
  h.clock = AFTER_END;
  return h;
}

async function storedProject(h: BotHarness) {
  const pir = await h.bot.stores.pirs.findByReference(REFERENCE);
  return { pir, project: readProject(pir?.project) };
}

describe('close out PIR-…: the lead’s close-out, the PPI team’s review, and the request closed', () => {
  it('goes step by step, is sent to the PPI team’s channel, accepted there, and the lead is told', async () => {
    const h = await started();
    const review = await fillCloseOut(h);
    const reviewText = cardText(review);
    expect(reviewText).toContain(`Close-out of ${REFERENCE}`);
    expect(reviewText).toContain('Co-design');
    expect(reviewText).toContain('Carers');
    const sent = await h.click(people.lead, LifecycleVerb.submit, actionData(review, LifecycleVerb.submit));
    expect(cardText(sent.card)).toContain(`Close-out sent: ${REFERENCE}`);
    expect(cardText(sent.card)).toContain('The PPI team has the close-out');

    const posted = lastCardTo(h, ppiChannel.channelId);
    expect(cardText(posted)).toContain('Close-out for review');
    expect(cardText(posted)).toContain('Rung planned: Co-design · expected: Co-production · reached: Co-design');
    const accepted = await h.click(
      people.admin,
      LifecycleVerb.accept,
      { ...actionData(posted, LifecycleVerb.accept), evaluationOwn: 'We felt listened to and saw our ideas used.' },
      ppiChannel,
    );
    expect(cardText(accepted.card)).toContain('Closed by Pat PPI-Admin');
    expect(cardVerbs(accepted.card)).toEqual([LifecycleVerb.evaluation]);
    const told = cardText(lastCardTo(h, leadChat));
    expect(told).toContain(`${REFERENCE}: closed`);

    const { project } = await storedProject(h);
    expect(project.closeOut).toMatchObject({ status: 'accepted', round: 1, closedAt: AFTER_END.toISOString() });
    expect(project.closeOut?.evaluation?.own).toBe('We felt listened to and saw our ideas used.');
    expect(project.closeOut?.reviewCardId).toMatch(/^proactive-/);
    const status = cardText((await h.say(people.lead, `status ${REFERENCE}`)).cards[0]);
    expect(status).toContain('Stage: Closed');
    expect(status).toContain('Rung reached');
    expect(status).toContain('Close-out accepted by Pat PPI-Admin');
    expect((await h.bot.stores.projects.listEnded('2027-07', '2027-07')).map((r) => r.reference)).toEqual([REFERENCE]);
    expect(await h.bot.stores.projects.listOpen()).toEqual([]);

    const again = await h.say(people.lead, `close out ${REFERENCE}`);
    expect(cardText(again.cards[0])).toContain(`${REFERENCE} is already closed`);
  });

  it('refuses: not the lead, not accepted yet, in a channel, a typo in the reference', async () => {
    const h = await BotHarness.start();
    await acceptedRequest(h, 'accept', {});
    expect((await h.say(people.otherLead, `close out ${REFERENCE}`)).texts).toEqual([
      `I couldn't find a request ${REFERENCE} that you can see.`,
    ]);
    expect((await h.say(people.admin, `close out ${REFERENCE}`, ppiChannel)).texts).toEqual([refusal.personal]);
    expect((await h.say(people.lead, 'close out PIR-2026')).texts[0]).toContain('Please give a reference like');

    const other = await BotHarness.start();
    await acceptedRequest(other, 'accept', {});
    const pir = await other.bot.stores.pirs.findByReference(REFERENCE);
    await other.bot.stores.pirs.write(people.lead.id, pir?.id ?? '', (c) => (c ? { ...c, status: 'submitted' } : c));
    const early = await other.say(people.lead, `close out ${REFERENCE}`);
    expect(cardText(early.cards[0])).toContain('is not accepted (its stage: Submitted)');
  });

  it('an old card or a double click changes nothing, and says where the close-out is now', async () => {
    const h = await started();
    const first = (await h.say(people.lead, `close out ${REFERENCE}`)).cards[0];
    const data = { ...actionData(first, LifecycleVerb.next), ...closeOutInputs.aim };
    const [a, b] = await Promise.all([
      h.click(people.lead, LifecycleVerb.next, data),
      h.click(people.lead, LifecycleVerb.next, data),
    ]);
    const texts = [cardText(a.card), cardText(b.card)];
    expect(texts.filter((t) => t.includes('Step 2 of 6'))).toHaveLength(2);
    expect(texts.filter((t) => t.includes('This card was out of date'))).toHaveLength(1);
    const { project } = await storedProject(h);
    expect(project.closeOut?.position).toBe('methods');
    expect(project.revision).toBe(2);

    const review = await fillCloseOut(h);
    const submit = actionData(review, LifecycleVerb.submit);
    await h.click(people.lead, LifecycleVerb.submit, submit);
    const twice = await h.click(people.lead, LifecycleVerb.submit, submit);
    expect(cardText(twice.card)).toContain('is with the PPI team for review');
    expect(
      h.messenger.sentTo(ppiChannel.channelId).filter((s) => cardText(s.message).includes('Close-out for review')),
    ).toHaveLength(1);
  });

  it('refuses patient-identifiable details, saves nothing, and shows the text back masked', async () => {
    const h = await started();
    const first = (await h.say(people.lead, `close out ${REFERENCE}`)).cards[0];
    const result = await h.click(people.lead, LifecycleVerb.next, {
      ...actionData(first, LifecycleVerb.next),
      aim: 'Ring Mrs Smith on 07700 900123 about the lounge redesign.',
    });
    const text = cardText(result.card);
    expect(text).toContain('Nothing was saved');
    expect(text).not.toContain('07700 900123');
    expect((await storedProject(h)).project.closeOut?.answers.aim).toBeUndefined();
  });

  it('the PPI team asks for more; the lead is told, changes it and sends it again', async () => {
    const h = await started();
    const review = await fillCloseOut(h);
    await h.click(people.lead, LifecycleVerb.submit, actionData(review, LifecycleVerb.submit));
    const posted = lastCardTo(h, ppiChannel.channelId);
    const noComment = await h.click(
      people.admin,
      LifecycleVerb.more,
      actionData(posted, LifecycleVerb.more),
      ppiChannel,
    );
    expect(cardText(noComment.card)).toContain('Please answer “Comment for the project lead”');
    await h.click(
      people.admin,
      LifecycleVerb.more,
      { ...actionData(posted, LifecycleVerb.more), comment: 'Please say how carers were reached.' },
      ppiChannel,
    );
    const notice = lastCardTo(h, leadChat);
    expect(cardText(notice)).toContain('asked for more');
    expect(cardText(notice)).toContain('Please say how carers were reached.');
    const reopened = await h.click(people.lead, LifecycleVerb.closeOut, actionData(notice, LifecycleVerb.closeOut));
    expect(cardText(reopened.card)).toContain('The PPI team asked for more: “Please say how carers were reached.”');
    const again = await h.click(people.lead, LifecycleVerb.submit, actionData(reopened.card, LifecycleVerb.submit));
    expect(cardText(again.card)).toContain('Close-out sent');
    const second = lastCardTo(h, ppiChannel.channelId);
    expect(cardText(second)).toContain('(time 2)');
    // The first card is out of date now: its round has passed.
    const late = await h.click(
      people.admin,
      LifecycleVerb.accept,
      actionData(posted, LifecycleVerb.accept),
      ppiChannel,
    );
    expect(cardText(late.card)).toContain('This card was out of date');
    expect((await storedProject(h)).project.closeOut?.status).toBe('submitted');
  });

  it('only the PPI team reviews, in a team channel', async () => {
    const h = await started();
    const review = await fillCloseOut(h);
    await h.click(people.lead, LifecycleVerb.submit, actionData(review, LifecycleVerb.submit));
    const posted = lastCardTo(h, ppiChannel.channelId);
    const refused = await h.click(
      people.manager,
      LifecycleVerb.accept,
      actionData(posted, LifecycleVerb.accept),
      ppiChannel,
    );
    expect(cardText(refused.card)).toContain(refusal.ppiTeam);
    expect((await storedProject(h)).project.closeOut?.status).toBe('submitted');
  });

  it('the lead marks a condition met from the status card, once', async () => {
    const h = await started();
    const status = (await h.say(people.lead, `status ${REFERENCE}`)).cards[0];
    const text = cardText(status);
    expect(text).toContain('1. Involve carers in the design group · not met yet');
    expect(text).toContain('2. Share the results with the forum · not met yet');
    const marked = await h.click(
      people.lead,
      LifecycleVerb.conditionMet,
      actionData(status, LifecycleVerb.conditionMet),
    );
    expect(cardText(marked.card)).toContain('1. Involve carers in the design group · met');
    const twice = await h.click(
      people.lead,
      LifecycleVerb.conditionMet,
      actionData(status, LifecycleVerb.conditionMet),
    );
    expect(cardText(twice.card)).toContain('This card was out of date');
    const audit = await h.bot.stores.audit.list((await storedProject(h)).pir?.id ?? '');
    expect(audit.filter((e) => e.action === 'Condition 1 marked met')).toHaveLength(1);
    const ppiView = cardText((await h.say(people.admin, `status ${REFERENCE}`, ppiChannel)).cards[0]);
    expect(ppiView).toContain('met');
    expect(cardVerbs((await h.say(people.admin, `status ${REFERENCE}`, ppiChannel)).cards[0])).toEqual([]);
  });
});
