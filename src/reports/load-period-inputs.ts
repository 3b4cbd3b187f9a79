import type { Period } from '../calendar/period.js';
import type { Champion } from '../champions/domain/champion.js';
import type { InvolvementLog } from '../champions/involvement-log.js';
import type { ChampionStore } from '../champions/store/champion-store.js';
import type { PirStore } from '../pir/store/pir-store.js';
import type { RecordDoc } from '../records/domain/record-doc.js';
import type { RecordStore } from '../records/store/record-store.js';
import type { ChampionFacts, PeriodInputs } from './period-inputs.js';

export interface PeriodSources {
  readonly records: RecordStore;
  readonly involvements: InvolvementLog;
  readonly pirs: PirStore;
  readonly champions: ChampionStore;
}

function factsOf(c: Champion): ChampionFacts {
  const cycle = c.cycle;
  return {
    directorate: c.directorate,
    active: c.status === 'active',
    ...(c.lastResponseAt ? { lastResponseAt: c.lastResponseAt } : {}),
    ...(cycle?.nudgedAt ? { nudgedAt: cycle.nudgedAt } : {}),
    ...(cycle?.answer === 'nothing-to-report' && cycle.whyNot && cycle.answeredAt
      ? { nothingToReport: { at: cycle.answeredAt, whyNot: cycle.whyNot } }
      : {}),
  };
}

/**
 * Reads one period's evidence: the record partitions of its months (one range query per quarter table), the involvement
 * partitions of its months, the request index of its years, and the champions (a small table). Cost grows with what the period holds, not with history.
 */
export async function loadPeriodInputs(
  sources: PeriodSources,
  period: Period,
  onRead?: (n: number) => void,
): Promise<PeriodInputs> {
  const { startKey, endKey } = period;
  const years = [...new Set([Number(startKey.slice(0, 4)), Number(endKey.slice(0, 4))])];
  const [records, involvement, pirs, champions] = await Promise.all([
    sources.records.listPeriod(startKey, endKey, onRead ? { onRead } : {}),
    sources.involvements.listBetween(startKey, endKey, onRead),
    Promise.all(years.map((y) => sources.pirs.listSubmittedInYear(y, onRead))).then((lists) => lists.flat()),
    sources.champions.list(),
  ]);
  const ofKind = (kind: RecordDoc['kind']) => records.filter((r) => r.kind === kind);
  return {
    period,
    engagement: ofKind('engagement'),
    feedback: ofKind('feedback'),
    yswd: ofKind('yswd'),
    involvement,
    pirs,
    champions: champions.map(factsOf),
  };
}
