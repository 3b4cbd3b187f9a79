import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import { TableAuditLog } from '../audit/table-audit-log.js';
import type { Champion } from '../champions/domain/champion.js';
import { readChampion } from '../champions/domain/read-champion.js';
import type { ChampionStore } from '../champions/store/champion-store.js';
import type { ChampionInvolvement, InvolvementLog } from '../champions/store/involvement-log.js';
import { TableChampionStore } from '../champions/store/table-champion-store.js';
import { TableInvolvementLog } from '../champions/store/table-involvement-log.js';
import type { DeliveryRecord } from '../delivery/delivery-record.js';
import type { DeliveryStore } from '../delivery/delivery-store.js';
import type { DueIndex } from '../delivery/due-index.js';
import type { DueWork } from '../delivery/due-work.js';
import type { Lease } from '../delivery/lease.js';
import { TableDeliveryStore } from '../delivery/table-delivery-store.js';
import { TableDueIndex } from '../delivery/table-due-index.js';
import { type LeaseRow, TableLease } from '../delivery/table-lease.js';
import type { LastDigest } from '../digests/domain/digest-now-limit.js';
import type { DigestSubscription } from '../digests/domain/subscription.js';
import type { DigestNowStore } from '../digests/store/digest-now-store.js';
import type { SubscriptionStore } from '../digests/store/subscription-store.js';
import { TableDigestNowStore } from '../digests/store/table-digest-now-store.js';
import { TableSubscriptionStore } from '../digests/store/table-subscription-store.js';
import type { Installation } from '../installations/domain/installation.js';
import type { InstallationStore } from '../installations/store/installation-store.js';
import { TableInstallationStore } from '../installations/store/table-installation-store.js';
import type { ProjectIndex, ProjectIndexRow } from '../lifecycle/store/project-index.js';
import { TableProjectIndex } from '../lifecycle/store/table-project-index.js';
import type { Logger } from '../logger.js';
import type { Pir } from '../pir/domain/pir.js';
import { readPir } from '../pir/domain/read-pir.js';
import type { PirStore } from '../pir/store/pir-store.js';
import { RequestMonths, type StoredMonthRow } from '../pir/store/request-months.js';
import { type CounterRow, type ReferenceIndexRow, TablePirStore } from '../pir/store/table-pir-store.js';
import type { PpiChannel, PpiMember, PpiTeamStore } from '../ppi-team/store/ppi-team-store.js';
import { TablePpiTeamStore } from '../ppi-team/store/table-ppi-team-store.js';
import { readRecord } from '../records/domain/read-record.js';
import type { RecordDoc } from '../records/domain/record-doc.js';
import type { RecordStore } from '../records/store/record-store.js';
import { type PendingRow, TableRecordStore } from '../records/store/table-record-store.js';
import { referenceData } from '../reference-data/reference-data.js';
import { type ActivityLedger, TableActivityLedger } from '../storage/activity-ledger.js';
import { type Decode, DocumentTable } from '../storage/document-table.js';
import { GroupedWrites } from '../storage/grouped-writes.js';
import { openTable } from '../storage/open-table.js';
import type { TableAccess } from '../storage/table-access.js';
import type { ListRow } from '../trust-lists/domain/list-entries.js';
import { TableTrustListStore } from '../trust-lists/store/table-trust-list-store.js';
import type { TrustLists } from '../trust-lists/store/trust-list-store.js';

/** Every store the bot uses, on Azure Tables. Table names share a prefix so tests and tenants can be isolated. */
export interface Stores {
  readonly ledger: ActivityLedger;
  readonly installations: InstallationStore;
  readonly pirs: PirStore;
  readonly audit: AuditLog;
  readonly ppiTeam: PpiTeamStore;
  readonly champions: ChampionStore;
  readonly dueIndex: DueIndex;
  readonly deliveries: DeliveryStore;
  readonly lease: Lease;
  /** The Trust's own lists: directorates / CMGs, Quality Strategy priorities, common "how did you hear" answers. */
  readonly lists: TrustLists;
  readonly involvements: InvolvementLog;
  readonly records: RecordStore;
  readonly subscriptions: SubscriptionStore;
  readonly lastDigests: DigestNowStore;
  readonly projects: ProjectIndex;
  /**
   * The due index and champions again, their writes grouped per partition into entity-group transactions (a write
   * may wait up to a second for others): for the delivery engine's background settles, where a fan-out's round trips
   * are what limits it. Same tables, same conditions.
   */
  readonly grouped: { readonly dueIndex: DueIndex; readonly champions: ChampionStore };
}

const asIs = <T>(raw: unknown) => raw as T;

export async function openStores(
  tables: TableAccess,
  prefix: string,
  now: () => Date = () => new Date(),
  log?: Logger,
): Promise<Stores> {
  const table = async <T>(name: string, decode: Decode<T> = asIs<T>) =>
    new DocumentTable<T>(await openTable(tables, `${prefix}${name}`), decode);
  const [
    ledger,
    installations,
    pirs,
    pirIndex,
    counters,
    pirQueue,
    audit,
    ppiChannel,
    ppiMembers,
    champions,
    dueWork,
    deliveries,
    leases,
    directorates,
    trustLists,
    involvements,
    pendingRecords,
    subscriptions,
    projects,
    lastDigests,
  ] = await Promise.all([
    table<{ at: string }>('Activities'),
    table<Installation>('Installations'),
    table<Pir>('Pirs', readPir),
    table<ReferenceIndexRow>('PirReferences'),
    table<CounterRow>('Counters'),
    table<ReferenceIndexRow>('PirQueue'),
    table<AuditEntry>('Audit'),
    table<PpiChannel>('PpiChannel'),
    table<PpiMember>('PpiMembers'),
    table<Champion>('Champions', readChampion),
    table<DueWork>('DueWork'),
    table<DeliveryRecord>('Deliveries'),
    table<LeaseRow>('Leases'),
    table<ListRow>('Directorates'),
    table<ListRow>('TrustLists'),
    table<ChampionInvolvement>('Involvement'),
    table<PendingRow>('RecordsPending'),
    table<DigestSubscription>('DigestSubscriptions'),
    table<ProjectIndexRow>('Projects'),
    table<LastDigest>('DigestNow'),
  ]);
  return {
    ledger: new TableActivityLedger(ledger),
    installations: new TableInstallationStore(installations),
    pirs: new TablePirStore(
      pirs,
      pirIndex,
      counters,
      pirQueue,
      new RequestMonths((quarter) => table<StoredMonthRow>(`PirMonths${quarter}`)),
    ),
    audit: new TableAuditLog(audit),
    ppiTeam: new TablePpiTeamStore(ppiChannel, ppiMembers),
    champions: new TableChampionStore(champions),
    dueIndex: new TableDueIndex(dueWork),
    deliveries: new TableDeliveryStore(deliveries),
    lease: new TableLease(leases, now),
    lists: {
      directorates: new TableTrustListStore(directorates, 'directorate', referenceData.directorates),
      qualityPriorities: new TableTrustListStore(trustLists, 'quality-priority', referenceData.qualityPriorities),
      howHeard: new TableTrustListStore(trustLists, 'how-heard', referenceData.feedbackHowHeard),
    },
    involvements: new TableInvolvementLog(involvements),
    records: new TableRecordStore(
      (quarter) => table<RecordDoc>(`Records${quarter}`, readRecord),
      pendingRecords,
      (duplicate) =>
        log?.warn(duplicate, 'a record is stored in two months (a move was interrupted); the newer is shown'),
    ),
    subscriptions: new TableSubscriptionStore(subscriptions),
    lastDigests: new TableDigestNowStore(lastDigests),
    projects: new TableProjectIndex(projects),
    grouped: {
      dueIndex: new TableDueIndex(dueWork, new GroupedWrites(dueWork)),
      champions: new TableChampionStore(champions, new GroupedWrites(champions)),
    },
  };
}
