import { describe, expect, it } from 'vitest';
import { ReportVerb } from '../../src/reports/reports-verbs.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData, inputOf } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';

/** The choices of the input `id` on a card. */
const choicesOf = (card: unknown, id: string) =>
  (inputOf(card, id)?.choices ?? []) as { title: string; value: string }[];

describe('a command missing its argument asks, with choices', () => {
  it('`report` gives the last complete quarter, with the others to choose from', async () => {
    // Tuesday 5 January 2027: the last complete financial quarter is Q3 2026/27 (October to December 2026).
    const h = await BotHarness.start({ now: new Date('2027-01-05T10:00:00Z') });
    const report = (await h.say(people.admin, 'report')).cards[0];
    expect(validateCard(report)).toEqual([]);
    expect(cardText(report)).toContain('Q3 2026/27: October to December 2026');
    const choices = choicesOf(report, 'quarter');
    expect(choices.map((c) => c.title).slice(0, 3)).toEqual([
      'Q4 2026/27: January to March 2027 (so far)',
      'Q3 2026/27: October to December 2026',
      'Q2 2026/27: July to September 2026',
    ]);
    expect(choices).toHaveLength(8);

    const chosen = await h.click(people.admin, ReportVerb.quarter, {
      ...actionData(report, ReportVerb.quarter),
      quarter: '2026-Q3',
    });
    expect(cardText(chosen.card)).toContain('Q2 2026/27: July to September 2026');
    const committee = (await h.say(people.admin, 'report for PIPEAC')).cards[0];
    const chosenCommittee = await h.click(people.admin, ReportVerb.quarter, {
      ...actionData(committee, ReportVerb.quarter),
      quarter: '2026-Q3',
    });
    expect(cardText(chosenCommittee.card)).toContain('PIPEAC');

    const notOffered = await h.click(people.admin, ReportVerb.quarter, { variant: 'board', quarter: '2019-Q1' });
    expect(cardText(notOffered.card)).toContain('out of date');
    const notTeam = await h.click(people.lead, ReportVerb.quarter, { variant: 'board', quarter: '2026-Q3' });
    expect(cardText(notTeam.card)).toContain(refusal.ppiTeam);
  });

  it('`status` lists your requests as buttons; `I’m a champion` offers the directorates', async () => {
    const h = await BotHarness.start();
    expect(cardText((await h.say(people.lead, 'status')).cards[0])).toContain('You have not submitted a request yet.');
    const picker = (await h.say(people.champion, "I'm a champion")).cards[0];
    expect(choicesOf(picker, 'directorate').map((c) => c.title)).toContain('Finance');
  });
});
