import type { Champion, NudgeCycle } from '../../src/champions/domain/champion.js';
import type { Stores } from '../../src/compose/open-stores.js';
import type { ChampionFacts, CheckInFacts } from '../../src/reports/store/period-inputs.js';
import { q3Inputs } from './q3-fixture.js';

const ANSWERS = {
  involvement: 'involvement',
  'why-not': 'without-patients',
  snoozed: 'snoozed',
  'no-relevant-work': 'no-relevant-work',
  open: undefined,
} as const;

function cycleOf(c: CheckInFacts): NudgeCycle {
  const answer = ANSWERS[c.outcome];
  return {
    dueAt: c.dueAt,
    nudgedAt: c.dueAt,
    followUpsSent: 0,
    ...(answer ? { answer, answeredAt: c.answeredAt ?? c.dueAt, answeredBy: 'seed' } : {}),
    ...(c.whyNot ? { whyNot: c.whyNot } : {}),
  };
}

/** The champion document a ChampionFacts fixture stands for: its last check-in current, the others kept as history. */
export function championDoc(facts: ChampionFacts, index: number): Champion {
  const cycles = facts.checkIns.map(cycleOf);
  const current = cycles.at(-1);
  return {
    person: { id: `aad-seed-champion-${index}`, name: `Champion ${index}` },
    directorate: facts.directorate,
    ...(facts.directorateLabel ? { directorateLabel: facts.directorateLabel } : {}),
    status: facts.active ? 'active' : 'paused',
    nextDueAt: '2027-02-08T09:30:00.000Z',
    ...(current ? { cycle: current } : {}),
    ...(cycles.length > 1 ? { pastCycles: cycles.slice(0, -1) } : {}),
    registeredBy: 'seed',
    registeredAt: facts.registeredAt,
    updatedAt: facts.registeredAt,
  };
}

/** What a period's figures are read from, in the real stores. */
export function periodSources(stores: Stores) {
  const { records, involvements, pirs, champions, lists, projects } = stores;
  return { records, involvements, pirs, champions, lists, projects };
}

/** Writes the Q3 2026/27 fixture into the real (Azurite) stores, as the bot itself would have stored it. */
export async function seedQ3(stores: Stores): Promise<void> {
  const inputs = q3Inputs();
  const estates = { id: 'estates', label: 'Estates and Facilities', retired: true };
  await stores.lists.directorates.save(
    { ...estates, changedBy: 'seed', changedAt: '2026-12-01T10:00:00.000Z' },
    undefined,
  );
  for (const pir of inputs.pirs) {
    await stores.pirs.create(pir);
    if (pir.reference) await stores.pirs.indexReference(pir.reference, pir.lead.id, pir.id);
  }
  for (const doc of [...inputs.engagement, ...inputs.feedback, ...inputs.yswd]) await stores.records.create(doc);
  for (const entry of inputs.involvement) await stores.involvements.record(entry);
  for (const [i, facts] of inputs.champions.entries()) {
    const doc = championDoc(facts, i);
    await stores.champions.write(doc.person.id, () => doc);
  }
}
