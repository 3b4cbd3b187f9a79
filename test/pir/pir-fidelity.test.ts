import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData, choicesOf } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { stepAnswers, stepOrder } from './pir-fixtures.js';
import { setUpPpiChannel } from './pir-helpers.js';

type Answers = { [K in keyof typeof stepAnswers]?: Record<string, string> };

/** A request with these changes to the valid answers, submitted; the PPI team's card as posted. */
async function submitted(h: BotHarness, changes: Answers = {}): Promise<AdaptiveCard> {
  await setUpPpiChannel(h);
  await h.install(people.lead);
  let card = (await h.say(people.lead, 'new request')).cards[0];
  for (const step of stepOrder) {
    const answers = { ...stepAnswers[step], ...changes[step] };
    card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...answers })).card;
  }
  await h.click(people.lead, PirVerb.submit, actionData(card, PirVerb.submit));
  const posted = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
  if (!posted || typeof posted === 'string') throw new Error('no assessment card');
  return posted.card;
}

describe('the request as the PPI strategy asks it', () => {
  it('offers the ladder from Informing, each rung with its meaning; `ladder` explains all seven', async () => {
    const h = await BotHarness.start();
    let card = (await h.say(people.lead, 'new request')).cards[0];
    for (const step of stepOrder.slice(0, 4)) {
      card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers[step] }))
        .card;
    }
    expect(cardText(card)).toContain(
      'What will be the scope for patient input to influence the outcome of the project? (required)',
    );
    const rungs = choicesOf(card, 'rung');
    expect(rungs[0]).toBe(
      'Informing: People are told about the service and how it works, including decisions already made and why.',
    );
    expect(rungs.map((r) => r.replace(/:.*/, ''))).toEqual([
      'Informing',
      'Consultation',
      'Engagement',
      'Co-design',
      'Co-production',
    ]);
    const coercion = await h.click(people.lead, PirVerb.next, {
      ...actionData(card, PirVerb.next),
      ...stepAnswers.influence,
      rung: 'coercion',
    });
    expect(cardText(coercion.card)).toContain('Please choose an option from the list.');

    const ladder = (await h.say(people.manager, 'ladder', ppiChannel)).texts[0] ?? '';
    expect(ladder).toContain('7. **Co-production** (top three)');
    expect(ladder).toContain('1. **Coercion**: People are made to attend as passive recipients');
    expect(ladder).toContain('Coercion and Educating are here to explain the ladder, not to plan by');
  });

  it('asks question 5 as yes / no / not sure, and how groups might be affected when yes', async () => {
    const h = await BotHarness.start();
    const no = await submitted(h, {
      equality: { disproportionate: 'no', howAffected: '', protectedCharacteristics: '' },
      plans: { equalityPlans: '' },
    });
    expect(cardText(no)).toContain('Groups that may be disproportionately affected: no');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.answers).toMatchObject({ disproportionate: 'no', protectedCharacteristics: [] });

    const h2 = await BotHarness.start();
    const yes = await submitted(h2);
    expect(cardText(yes)).toContain('Groups that may be disproportionately affected: yes');
    const full = await h2.click(people.admin, PirVerb.details, actionData(yes, PirVerb.details), ppiChannel);
    expect(cardText(full.card)).toContain('How might they be affected?');
    expect(cardText(full.card)).toContain(stepAnswers.equality.howAffected);
    expect(cardText(full.card)).toContain('If so, what are your plans to engage with this group?');
  });

  it('flags a request sent on or after its project’s start date as late', async () => {
    const h = await BotHarness.start({ now: new Date('2026-12-01T09:00:00Z') });
    const late = await submitted(h);
    expect(cardText(late)).toContain(
      "Late: sent on or after the project's start date (Tuesday 1 December 2026), so patients may be involved too late to influence it.",
    );
    const h2 = await BotHarness.start({ now: new Date('2026-11-30T23:30:00Z') });
    expect(cardText(await submitted(h2))).not.toContain('Late:');
  });

  it('asks for the Patient Partners’ role, commitment and meetings, and warns the PPI team outside their remit', async () => {
    const h = await BotHarness.start();
    let card = (await h.say(people.lead, 'new request')).cards[0];
    for (const step of stepOrder.slice(0, -1)) {
      card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...stepAnswers[step] }))
        .card;
    }
    expect(cardText(card)).toContain('Will there be regular meetings or just a one-off?');
    const missing = await h.click(people.lead, PirVerb.next, {
      ...actionData(card, PirVerb.next),
      support: 'patient-partners',
    });
    expect(cardText(missing.card)).toContain('Please answer “What will the Patient Partners’ role be”.');

    const h2 = await BotHarness.start();
    const posted = await submitted(h2, {
      influence: { rung: 'consultation' },
      support: { partnerRole: 'Help us run the uniform audit and a routine survey of the ward.' },
    });
    const text = cardText(posted);
    expect(text).toContain('Patient Partners asked for, but the request aims lower than engagement');
    expect(text).toContain(
      'Patient Partners may be asked for tasks outside their remit: audits of uniform policy; supporting routine surveys.',
    );
  });

  it('records the three criteria for Patient Partner involvement with the decision, and tells the lead', async () => {
    const h = await BotHarness.start();
    const posted = await submitted(h);
    const decided = await h.click(
      people.admin,
      PirVerb.decide,
      {
        ...actionData(posted, PirVerb.decide),
        decision: 'accept',
        'criterion-quality-strategy': 'high',
        'criterion-ladder': 'medium',
        'criterion-patient-focus': 'high',
        expectedRung: 'co-design',
      },
      ppiChannel,
    );
    expect(cardText(decided.card)).toContain('Accepted by Pat PPI-Admin');
    const [pir] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(pir?.assessment.criteria).toEqual({ 'quality-strategy': 'high', ladder: 'medium', 'patient-focus': 'high' });
    const toLead = h.messenger.sentTo(`a:personal-${people.lead.id}`).at(-1)?.message;
    const lead = typeof toLead === 'string' ? toLead : cardText(toLead?.card);
    expect(lead).toContain('b) The proposed level of involvement measured against the ladder of Engagement tool');
    expect(lead).toContain('Medium');
    const badRung = await h.click(
      people.admin,
      PirVerb.decide,
      { ...actionData(posted, PirVerb.decide), decision: 'accept', expectedRung: 'educating' },
      ppiChannel,
    );
    expect(cardText(badRung.card)).toContain('already been decided');
  });
});
