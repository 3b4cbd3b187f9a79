import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { buttonTitled, nodesOf } from '../helpers/card-actions.js';
import { validateCard } from '../helpers/card-validation.js';
import type { Person } from '../helpers/people.js';
import { people } from '../helpers/people.js';

const REGISTERED = new Date('2026-11-23T10:00:00Z');
const DUE = '2027-01-04T09:30:00.000Z';
const ref = { championId: people.champion.id, cycle: DUE };

const cardOf = (message: unknown) => (message as { card: AdaptiveCard }).card;

async function nudged(champion: Person = people.champion): Promise<BotHarness> {
  const h = await BotHarness.start({ clock: 'moving', now: REGISTERED });
  await h.say(champion, "I'm a champion for Finance");
  h.clock = new Date('2027-01-04T10:00:00Z');
  await h.bot.scheduler.runOnce(NUDGE_JOB);
  return h;
}

/** Elements of a type, with where they sit: in the card's body, or folded inside a "show card" button. */
function inputsOf(card: unknown): { id: string; folded: boolean; hidden: boolean; node: Record<string, unknown> }[] {
  const out: { id: string; folded: boolean; hidden: boolean; node: Record<string, unknown> }[] = [];
  const walk = (node: unknown, folded: boolean, hidden: boolean): void => {
    if (Array.isArray(node)) for (const n of node) walk(n, folded, hidden);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      const isFolded = folded || n.type === 'Action.ShowCard';
      const isHidden = hidden || n.isVisible === false;
      if (typeof n.type === 'string' && n.type.startsWith('Input.')) {
        out.push({ id: String(n.id), folded: isFolded, hidden: isHidden, node: n });
      }
      for (const value of Object.values(n)) walk(value, isFolded, isHidden);
    }
  };
  walk(card, false, false);
  return out;
}

describe('the check-in card: calm answers to ordinary clumsiness', () => {
  it('“Work went ahead without patients” with no reason keeps the reason box open, with what is wrong', async () => {
    const h = await nudged();
    const empty = await h.click(people.champion, ChampionVerb.nothing, { ...ref, whyNot: '' });
    expect(validateCard(empty.card)).toEqual([]);
    const reason = inputsOf(empty.card).find((i) => i.id === 'whyNot');
    expect(reason).toMatchObject({ folded: false, hidden: false });
    expect(cardText(empty.card)).toContain('Please answer “Why were patients not involved”.');
    const done = await h.click(people.champion, ChampionVerb.nothing, { ...ref, whyNot: 'Budget work only.' });
    expect(cardText(done.card)).toContain('noted that the work went ahead without patients');
  });

  it('has one Snooze button; the date field is there only for “On a date…”', async () => {
    const h = await nudged();
    const card = cardOf(h.messenger.sent[0]?.message);
    const date = inputsOf(card).filter((i) => i.id === 'until');
    expect(date).toHaveLength(1);
    expect(date[0]).toMatchObject({ folded: true, hidden: true });
    expect(buttonTitled(card, 'In a week').data).toMatchObject({ snooze: 'week' });
    expect(buttonTitled(card, 'Ask me on this date').data).toMatchObject({ snooze: 'date' });

    const past = await h.click(people.champion, ChampionVerb.snooze, { ...ref, snooze: 'date', until: '2026-12-01' });
    expect(cardText(past.card)).toContain('already passed');
    expect(inputsOf(past.card).find((i) => i.id === 'until')).toMatchObject({ folded: false, hidden: false });
    expect(inputsOf(past.card).find((i) => i.id === 'until')?.node.label).toBe('Date to ask again (required)');
  });

  it('sends the idea box with every answer, “In a week” too, so a typed idea is never dropped', async () => {
    const h = await nudged();
    const card = cardOf(h.messenger.sent[0]?.message);
    expect(inputsOf(card).filter((i) => i.id === 'idea')).toMatchObject([{ folded: false, hidden: false }]);
    const answers = [ChampionVerb.log, ChampionVerb.nothing, ChampionVerb.noWork, ChampionVerb.snooze] as string[];
    const verbOf = (n: Record<string, unknown>) => String(n.verb ?? (n.data as { verb?: unknown } | undefined)?.verb);
    const sending = nodesOf(card, (n) => /^Action\.(Execute|Submit)$/.test(String(n.type)))
      .filter((n) => answers.includes(verbOf(n)))
      .map((n) => n.associatedInputs);
    expect(sending.length).toBeGreaterThanOrEqual(answers.length);
    expect(new Set(sending)).toEqual(new Set(['auto']));
    const week = buttonTitled(card, 'In a week');
    await h.click(people.champion, week.verb, { ...week.data, idea: 'Ask the PPGs first' });
    const stored = (await h.bot.stores.champions.get(people.champion.id))?.value;
    expect(stored?.cycle).toMatchObject({ answer: 'snoozed', idea: 'Ask the PPGs first' });
  });

  it('a double click on Save or Send shows the same thanks twice and records once', async () => {
    const h = await nudged();
    const answer = {
      project: 'Outpatient letters',
      shaped: 'Patients rewrote it.',
      category: 'involving',
      rung: 'co-design',
      people: '12',
    };
    const first = await h.click(people.champion, ChampionVerb.log, { ...ref, ...answer });
    const second = await h.click(people.champion, ChampionVerb.log, { ...ref, ...answer });
    expect(cardText(first.card)).toContain('Thank you: logged “Outpatient letters”');
    expect(second.card).toEqual(first.card);
    const records = await h.bot.stores.records.listPeriod('2027-01-01', '2027-01-31', { kind: 'engagement' });
    expect(records).toHaveLength(1);
    // Another answer on the same (now answered) card is still told plainly.
    const other = await h.click(people.champion, ChampionVerb.nothing, { ...ref, whyNot: 'Quiet.' });
    expect(cardText(other.card)).toContain('already answered');
  });
});

describe('naming a deputy from the 1:1 chat with the people picker', () => {
  const deputyId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

  it('offers Teams’ people picker: an Input.ChoiceSet of the directory, one person, sent as their Entra id', async () => {
    const h = await nudged();
    const asked = await h.say(people.champion, 'my deputy');
    const card = asked.cards[0];
    expect(validateCard(card)).toEqual([]);
    const picker = inputsOf(card).find((i) => i.id === 'deputy')?.node;
    expect(picker).toMatchObject({
      type: 'Input.ChoiceSet',
      label: 'Your deputy (required)',
      isMultiSelect: false,
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    expect(buttonTitled(card, 'Make them my deputy').verb).toBe(ChampionVerb.deputyPicked);
  });

  it('sets the deputy chosen, who is reached through that Entra id when handed a check-in', async () => {
    const h = await nudged();
    const bad = await h.click(people.champion, ChampionVerb.deputyPicked, { deputy: 'Dee Deputy' });
    expect(cardText(bad.card)).toContain('Please choose a person from the list.');
    const set = await h.click(people.champion, ChampionVerb.deputyPicked, { deputy: deputyId.toUpperCase() });
    expect(cardText(set.card)).toContain('Done: the person you chose is now your deputy.');
    const stored = (await h.bot.stores.champions.get(people.champion.id))?.value.deputy;
    expect(stored).toMatchObject({ id: deputyId, channelUserId: deputyId });
    expect(stored?.teamReference?.conversation?.id).toBe(`a:personal-${people.champion.id}`);

    const handed = await h.click(people.champion, ChampionVerb.deputy, ref);
    expect(cardText(handed.card)).toContain('Passed to your deputy');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    expect(h.messenger.sentTo(`personal-${deputyId}`)).toHaveLength(1);
    // Only the champion can name their deputy.
    const other = await h.click(people.lead, ChampionVerb.deputyPicked, { deputy: deputyId });
    expect(cardText(other.card)).toContain("You're not registered as a partnership champion");
  });

  it('refuses the champion as their own deputy', async () => {
    const self: Person = { id: deputyId, channelUserId: '29:self', name: 'Sam Self' };
    const h = await nudged(self);
    const refused = await h.click(self, ChampionVerb.deputyPicked, { deputy: deputyId });
    expect(cardText(refused.card)).toContain('Your deputy needs to be someone else.');
    expect((await h.bot.stores.champions.get(deputyId))?.value.deputy).toBeUndefined();
  });
});
