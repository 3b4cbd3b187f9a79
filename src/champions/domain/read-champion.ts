import type { Champion, NudgeCycle } from './champion.js';

type StoredCycle = Omit<NudgeCycle, 'answer'> & { readonly answer?: NudgeCycle['answer'] | 'nothing-to-report' };

function readCycle(cycle: StoredCycle): NudgeCycle {
  return cycle.answer === 'nothing-to-report' ? { ...cycle, answer: 'without-patients' } : (cycle as NudgeCycle);
}

/**
 * A stored champion as the bot reads it today (the tolerant reader): a check-in answered "nothing to report" (with
 * its "if not, why not?" reason) before that answer was split in two reads as work that went ahead without patients.
 */
export function readChampion(raw: unknown): Champion {
  const champion = raw as Champion & { cycle?: StoredCycle; pastCycles?: readonly StoredCycle[] };
  return {
    ...champion,
    ...(champion.cycle ? { cycle: readCycle(champion.cycle) } : {}),
    ...(champion.pastCycles ? { pastCycles: champion.pastCycles.map(readCycle) } : {}),
  };
}
