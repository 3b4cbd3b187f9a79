import { randomUUID } from 'node:crypto';
import type { BotRouter } from '../bot/router.js';
import { registerChampions } from '../champions/register-champions.js';
import type { Config } from '../config.js';
import type { ItemResult } from '../delivery/delivery-engine.js';
import type { DueWork } from '../delivery/due-work.js';
import type { Outbox } from '../delivery/outbox.js';
import type { DigestSource } from '../digests/digest-source.js';
import { registerDigests } from '../digests/register-digests.js';
import type { Downloads } from '../exports/downloads.js';
import { registerFallback } from '../fallback/register-fallback.js';
import { HelpTopics } from '../help/help-topics.js';
import { registerHelp } from '../help/register-help.js';
import { registerInstallations } from '../installations/register-installations.js';
import { acceptancePlanner } from '../lifecycle/handlers/plan-acceptance.js';
import { registerLifecycle } from '../lifecycle/register-lifecycle.js';
import { registerPir } from '../pir/register-pir.js';
import { registerPpiTeam } from '../ppi-team/register-ppi-team.js';
import type { PpiRoles } from '../ppi-team/store/ppi-roles.js';
import { registerRecords } from '../records/register-records.js';
import { registerReports } from '../reports/register-reports.js';
import { registerTrustLists } from '../trust-lists/register-trust-lists.js';
import type { Stores } from './open-stores.js';

export interface RouteParts {
  readonly config: Config;
  readonly stores: Stores;
  readonly roles: PpiRoles;
  readonly outbox: Outbox;
  /** Runs the `notices` job soon (the PPI team's channel was just set: what waited for it goes now). */
  readonly wakeNotices: () => void;
  readonly downloads: Downloads;
  readonly digestSource: DigestSource;
  readonly deliverNudgeNow: (work: DueWork) => Promise<ItemResult>;
  readonly deliverLifecycleNow: (work: DueWork) => Promise<ItemResult>;
  readonly now: () => Date;
}

/** Every feature's routes, each with the deps it names; the fallback last (first matching route wins). */
export function registerRoutes(router: BotRouter, parts: RouteParts): void {
  const { config, stores: s, now } = parts;
  const topics = new HelpTopics();
  const newId = () => randomUUID();
  const projectWrites = { pirs: s.pirs, dueIndex: s.dueIndex, projects: s.projects };
  registerInstallations(router, { installations: s.installations, now });
  registerHelp(router, { topics, isChampion: async (id) => (await s.champions.get(id)) !== undefined });
  registerPir(router, {
    pirs: s.pirs,
    lists: s.lists,
    audit: s.audit,
    ppiTeam: s.ppiTeam,
    installations: s.installations,
    outbox: parts.outbox,
    now,
    newId,
    topics,
    acceptance: acceptancePlanner({ ...projectWrites, settings: config.nudges }),
  });
  registerLifecycle(router, {
    ...projectWrites,
    records: s.records,
    directorates: s.lists.directorates,
    audit: s.audit,
    settings: config.nudges,
    deliverNow: parts.deliverLifecycleNow,
    now,
    topics,
  });
  registerPpiTeam(router, { store: s.ppiTeam, audit: s.audit, now, topics, channelSet: parts.wakeNotices });
  registerChampions(router, {
    champions: s.champions,
    dueIndex: s.dueIndex,
    directorates: s.lists.directorates,
    records: s.records,
    involvements: s.involvements,
    ppiTeam: s.ppiTeam,
    audit: s.audit,
    now,
    settings: config.nudges,
    topics,
    deliverNudgeNow: parts.deliverNudgeNow,
  });
  registerRecords(router, {
    records: s.records,
    lists: s.lists,
    installations: s.installations,
    outbox: parts.outbox,
    now,
    newId,
    topics,
    dueIndex: s.dueIndex,
    workingHours: config.nudges.workingHours,
  });
  registerDigests(router, {
    subscriptions: s.subscriptions,
    lastDigests: s.lastDigests,
    dueIndex: s.dueIndex,
    directorates: s.lists.directorates,
    source: parts.digestSource,
    now,
    workingHours: config.nudges.workingHours,
    topics,
  });
  const { records, involvements, pirs, champions, lists, projects } = s;
  const sources = { records, involvements, pirs, champions, lists, projects };
  const numbering = config.reportQuarters;
  registerReports(router, { sources, roles: parts.roles, downloads: parts.downloads, topics, numbering, now });
  registerTrustLists(router, { lists: s.lists, audit: s.audit, now, topics });
  registerFallback(router);
}
