import type { Period } from '../../calendar/period.js';
import type { Champion, NudgeCycle } from '../../champions/domain/champion.js';
import { fromCheckInRecord } from '../../champions/domain/involvement.js';
import type { ChampionStore } from '../../champions/store/champion-store.js';
import type { InvolvementLog } from '../../champions/store/involvement-log.js';
import { readProject } from '../../lifecycle/domain/project.js';
import type { ProjectIndex } from '../../lifecycle/store/project-index.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { PirStore } from '../../pir/store/pir-store.js';
import type { RecordDoc } from '../../records/domain/record-doc.js';
import type { RecordStore } from '../../records/store/record-store.js';
import type { TrustLists } from '../../trust-lists/store/trust-list-store.js';
import type {
  ChampionFacts,
  CheckInFacts,
  CheckInOutcome,
  CloseOutFacts,
  DigestInputs,
  PeriodInputs,
} from './period-inputs.js';

export interface PeriodSources {
  readonly records: RecordStore;
  readonly involvements: InvolvementLog;
  readonly pirs: PirStore;
  readonly champions: ChampionStore;
  readonly lists: TrustLists;
  /** Requests that ended, by month: a project closed this quarter may have been submitted years before. */
  readonly projects: Pick<ProjectIndex, 'listEnded'>;
}

/** Records name at most this many requests from outside the loaded years before the rest are left unlinked. */
const MAX_EXTRA_REQUESTS = 200;

function outcomeOf(cycle: NudgeCycle): CheckInOutcome {
  switch (cycle.answer) {
    case 'involvement':
      return 'involvement';
    case 'without-patients':
      return 'why-not';
    case 'no-relevant-work':
      return 'no-relevant-work';
    case 'snoozed':
      return 'snoozed';
    default:
      return 'open';
  }
}

function checkInOf(cycle: NudgeCycle): CheckInFacts {
  return {
    dueAt: cycle.dueAt,
    outcome: outcomeOf(cycle),
    ...(cycle.answeredAt ? { answeredAt: cycle.answeredAt } : {}),
    ...(cycle.whyNot ? { whyNot: cycle.whyNot } : {}),
  };
}

export function factsOf(c: Champion): ChampionFacts {
  const cycles = [...(c.pastCycles ?? []), ...(c.cycle ? [c.cycle] : [])];
  return {
    directorate: c.directorate,
    ...(c.directorateLabel ? { directorateLabel: c.directorateLabel } : {}),
    active: c.status === 'active',
    registeredAt: c.registeredAt,
    checkIns: cycles.filter((cycle) => cycle.nudgedAt || cycle.answer).map(checkInOf),
    ...(c.pastCyclesFrom ? { keptAfter: c.pastCyclesFrom } : {}),
  };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** A request's close-out as the reports see it, once the PPI team accepted it. */
export function closeOutFactsOf(pir: Pir): CloseOutFacts | undefined {
  const closeOut = readProject(pir.project).closeOut;
  if (closeOut?.status !== 'accepted' || !closeOut.closedAt || !pir.reference) return undefined;
  const a = closeOut.answers;
  const told =
    a.participantsTold === 'yes'
      ? true
      : a.participantsTold === 'no' || a.participantsTold === 'not-yet'
        ? false
        : undefined;
  const values = {
    title: text(pir.answers.title),
    directorate: text(pir.answers.directorate),
    plannedRung: text(pir.answers.rung),
    achievedRung: text(a.achievedRung),
    wentWell: text(a.wentWell),
    doDifferently: text(a.doDifferently),
  };
  return {
    reference: pir.reference,
    closedAt: closeOut.closedAt,
    ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
    ...(told !== undefined ? { participantsTold: told } : {}),
    ...(typeof a.peopleCount === 'number' ? { peopleCount: a.peopleCount } : {}),
    evaluated: Boolean(closeOut.evaluation?.own || closeOut.evaluation?.wider),
  };
}

/** Requests that ended in the period's months but that the period index did not bring (point reads). */
async function endedRequests(sources: PeriodSources, period: Period, have: readonly Pir[]): Promise<Pir[]> {
  const known = new Set(have.map((p) => p.id));
  const rows = await sources.projects.listEnded(period.startKey.slice(0, 7), period.endKey.slice(0, 7));
  const found = await sources.pirs.getMany(rows.filter((r) => !known.has(r.pirId)));
  return found.filter((p): p is Pir => p !== undefined);
}

/** Requests that records of the period name but that the period index did not bring (point reads by reference). */
async function namedRequests(sources: PeriodSources, records: readonly RecordDoc[], have: readonly Pir[]) {
  const known = new Set(have.map((p) => p.reference?.toUpperCase()));
  const wanted = new Set<string>();
  for (const r of records) {
    const ref = r.values.pirReference;
    if (typeof ref === 'string' && !known.has(ref.toUpperCase())) wanted.add(ref.toUpperCase());
  }
  const found = await sources.pirs.findManyByReference([...wanted].slice(0, MAX_EXTRA_REQUESTS));
  return found.filter((p): p is Pir => p !== undefined);
}

/** What a digest and a report of a period both read: its records and involvement, the champions, the lists. */
async function periodEvidence(sources: PeriodSources, period: Period, onRead?: (n: number) => void) {
  const { startKey, endKey } = period;
  const [records, logged, champions, directorates, qualityPriorities, howHeard] = await Promise.all([
    sources.records.listPeriod(startKey, endKey, onRead ? { onRead } : {}),
    sources.involvements.listBetween(startKey, endKey, onRead),
    sources.champions.list(),
    sources.lists.directorates.entries(),
    sources.lists.qualityPriorities.entries(),
    sources.lists.howHeard.entries(),
  ]);
  const ofKind = (kind: RecordDoc['kind']) => records.filter((r) => r.kind === kind);
  const fromCheckIns = ofKind('engagement').flatMap((r) => fromCheckInRecord(r) ?? []);
  return {
    records,
    inputs: {
      period,
      engagement: ofKind('engagement').filter((r) => !r.origin),
      feedback: ofKind('feedback'),
      yswd: ofKind('yswd'),
      involvement: [...logged, ...fromCheckIns],
      champions: champions.map(factsOf),
      lists: { directorates, qualityPriorities, howHeard },
    },
  };
}

/** The period's evidence, and its requests from the period index (its months only). */
function periodReads(sources: PeriodSources, period: Period, onRead?: (n: number) => void) {
  const [fromMonth, toMonth] = [period.startKey.slice(0, 7), period.endKey.slice(0, 7)];
  return Promise.all([periodEvidence(sources, period, onRead), sources.pirs.listInMonths(fromMonth, toMonth, onRead)]);
}

/**
 * Reads what a digest of one period needs: the record partitions of its months (one range query per quarter table),
 * the involvement partitions of its months, the requests' figures from the period index (its months only; a request
 * the index is not sure of is read itself), the champions (a small table) and the Trust’s three lists. Cost grows
 * with what the period holds, not with history.
 */
export async function loadDigestInputs(
  sources: PeriodSources,
  period: Period,
  onRead?: (n: number) => void,
): Promise<DigestInputs> {
  const [evidence, requests] = await periodReads(sources, period, onRead);
  return { ...evidence.inputs, pirs: requests.map((r) => r.facts) };
}

/**
 * Reads one period's evidence for a report: what a digest reads, with every request the period index names read in
 * full (point reads, a few at a time), the requests its records name, and those that ended in its months (the
 * `Projects` index). Cost grows with what the period holds, not with history.
 */
export async function loadPeriodInputs(
  sources: PeriodSources,
  period: Period,
  onRead?: (n: number) => void,
): Promise<PeriodInputs> {
  const [evidence, requests] = await periodReads(sources, period, onRead);
  const toRead = requests.filter((r) => !r.pir);
  const read = await sources.pirs.getMany(toRead);
  onRead?.(toRead.length);
  const pirs = [...requests.flatMap((r) => (r.pir ? [r.pir] : [])), ...read.filter((p): p is Pir => p !== undefined)];
  const named = await namedRequests(sources, evidence.records, pirs);
  const ended = await endedRequests(sources, period, [...pirs, ...named]);
  const all = [...pirs, ...named, ...ended];
  return {
    ...evidence.inputs,
    pirs: all,
    closeOuts: { recorded: true, items: all.flatMap((p) => closeOutFactsOf(p) ?? []) },
  };
}
