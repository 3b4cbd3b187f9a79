import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../src/compose/open-stores.js';
import type { Pir } from '../../src/pir/domain/pir.js';
import { startDraft } from '../../src/pir/domain/pir-transitions.js';
import { factMonthsOf, requestFactsOf } from '../../src/pir/domain/request-facts.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import { StoreFaultProxy } from '../helpers/store-fault-proxy.js';
import { recordReliability } from '../reliability/reliability-report.js';

const lead = { id: 'aad-lead-1', name: 'Priya Lead' };

function submitted(id: string, at: string, extra: Partial<Pir> = {}): Pir {
  return {
    ...startDraft(id, lead, new Date(at)),
    status: 'submitted',
    reference: `PIR-2026-${id.slice(-4)}`,
    submittedAt: at,
    answers: { title: `Request ${id}`, directorate: 'finance', rung: 'co-design' },
    ...extra,
  };
}

const decided = (pir: Pir, at: string): Pir => ({
  ...pir,
  status: 'accepted',
  revision: pir.revision + 1,
  assessment: { ...pir.assessment, decidedAt: at, expectedRung: 'co-production' },
});

/** What the period index says of `month`: each request's id and its figures. */
async function indexed(stores: Stores, month: string) {
  const found = await stores.pirs.listInMonths(month, month);
  return new Map(found.map((r) => [r.pirId, r.facts]));
}

/** The truth for `month`, from the requests themselves: those with a date in it, with their figures. */
async function truth(stores: Stores, ids: readonly string[], month: string) {
  const pirs = await Promise.all(ids.map(async (id) => (await stores.pirs.get(lead.id, id))?.value));
  return new Map(
    pirs.flatMap((p) => (p && factMonthsOf(p).includes(month) ? [[p.id, requestFactsOf(p)] as const] : [])),
  );
}

const proxies: StoreFaultProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.stop()));
});

describe('the period index of requests (PirMonths) on Azurite', () => {
  it('follows a request through submit, decision and a resubmission into another month', async () => {
    const stores = await openStores(azuriteConnectionString(), uniquePrefix());
    const pir = submitted('r-0001', '2026-11-20T10:00:00.000Z');
    await stores.pirs.create(pir);
    expect(await indexed(stores, '2026-11')).toEqual(new Map([['r-0001', requestFactsOf(pir)]]));

    const accepted = decided(pir, '2026-12-02T10:00:00.000Z');
    await stores.pirs.write(lead.id, pir.id, () => accepted);
    expect((await indexed(stores, '2026-11')).get('r-0001')).toEqual(requestFactsOf(accepted));
    expect((await indexed(stores, '2026-12')).get('r-0001')).toEqual(requestFactsOf(accepted));

    // Submitted again in January (a new submission date): November no longer counts it.
    const again: Pir = { ...accepted, submittedAt: '2027-01-05T10:00:00.000Z', revision: accepted.revision + 1 };
    await stores.pirs.write(lead.id, pir.id, () => again);
    expect(await indexed(stores, '2026-11')).toEqual(new Map());
    expect((await indexed(stores, '2027-01')).get('r-0001')).toEqual(requestFactsOf(again));
    // A range over the year boundary reads both years' quarter tables.
    expect((await stores.pirs.listInMonths('2026-10', '2027-03')).map((r) => r.pirId)).toEqual(['r-0001']);
    // An edit that changes no figure writes no index row.
    await stores.pirs.write(lead.id, pir.id, (p) => p && { ...p, answers: { ...p.answers, title: 'Renamed' } });
    expect((await indexed(stores, '2027-01')).get('r-0001')).toEqual(requestFactsOf(again));
  });

  it('a failure at each write of a save (a crash there): the index never claims or misses a request, and reads say what is stored', async () => {
    const prefix = uniquePrefix();
    const direct = await openStores(azuriteConnectionString(), prefix);
    const proxy = await StoreFaultProxy.start(azuriteConnectionString());
    proxies.push(proxy);
    const stores = await openStores(proxy.connectionString(azuriteConnectionString()), prefix);
    const table = /Pirs|PirMonths/;
    const months = ['2026-11', '2026-12', '2027-01'];
    const ids: string[] = [];
    const runs: { failAt: number; saved: boolean; refused: number; true: boolean; unsure: number; settled: boolean }[] =
      [];
    const agrees = async () => {
      for (const month of months) {
        if (!isDeepStrictEqual(await indexed(direct, month), await truth(direct, ids, month))) return false;
      }
      return true;
    };
    const unsureRows = async () =>
      (await direct.pirs.listInMonths(months[0] ?? '', months.at(-1) ?? '')).filter((r) => r.pir).length;
    for (let failAt = 1; failAt <= 8; failAt++) {
      const id = `f-000${failAt}`;
      ids.push(id);
      const pir = submitted(id, '2026-11-10T10:00:00.000Z');
      await direct.pirs.create(pir);
      // The save under test: decided in December, submitted again in January (three months touched).
      const next: Pir = { ...decided(pir, '2026-12-01T10:00:00.000Z'), submittedAt: '2027-01-04T10:00:00.000Z' };
      proxy.failWrites({ table, fromWrite: failAt });
      const saved = await stores.pirs
        .write(lead.id, id, () => next)
        .then(() => true)
        .catch(() => false);
      proxy.clear();
      const refused = proxy.refused(table);
      const afterFault = await agrees();
      const unsure = await unsureRows();
      // Saving again (the person presses the button again): the index still agrees with what is stored.
      await direct.pirs.write(lead.id, id, () => next);
      runs.push({ failAt, saved, refused, true: afterFault, unsure, settled: await agrees() });
    }
    const stopped = runs.filter((r) => !r.saved).length;
    recordReliability({
      scenario: 'request saved, a store failure at each write (the period index)',
      faults: runs.filter((r) => r.refused > 0).length,
      expected: runs.length,
      delivered: runs.filter((r) => r.true).length,
      duplicated: null,
      lost: runs.filter((r) => !r.true).length,
      note: `${stopped} of ${runs.length} saves stopped by the fault; requests read through (rows left unsure, so far): ${runs.map((r) => r.unsure).join('/')}; after saving again the index agrees ${runs.filter((r) => r.settled).length}/${runs.length}`,
    });
    expect(runs.filter((r) => !r.true || !r.settled)).toEqual([]);
    // The faults did land inside saves: some stopped the save, some came after the request was saved.
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(runs.length);
    expect(runs.every((r) => r.refused > 0 || r.failAt === runs.length)).toBe(true);
  });

  it('reads a row it cannot trust (an older shape, or left `writing`) through the request itself', async () => {
    const prefix = uniquePrefix();
    const stores = await openStores(azuriteConnectionString(), prefix);
    const pir = submitted('o-0001', '2026-11-03T10:00:00.000Z');
    await stores.pirs.create(pir);
    const months = new DocumentTable<unknown>(
      await openTable(azuriteConnectionString(), `${prefix}PirMonths2026Q4`),
      (raw) => raw,
    );
    // An older row for the same request, and one naming a request that is not stored.
    const row = await months.get('2026-11', `${lead.id}~o-0001`);
    await months.replace('2026-11', `${lead.id}~o-0001`, { leadId: lead.id, pirId: 'o-0001' }, row?.etag ?? '');
    await months.create('2026-11', `${lead.id}~ghost`, { state: 'writing', leadId: lead.id, pirId: 'ghost' });
    const found = await stores.pirs.listInMonths('2026-11', '2026-11');
    expect(found.map((r) => r.pirId)).toEqual(['o-0001']);
    expect(found[0]?.pir?.id).toBe('o-0001');
    expect(found[0]?.facts).toEqual(requestFactsOf(pir));
  });

  it('counts requests of a year stored before the index (the fallback), then indexes them (the daily backfill)', async () => {
    const prefix = uniquePrefix();
    const stores = await openStores(azuriteConnectionString(), prefix);
    const raw = new DocumentTable<Pir>(await openTable(azuriteConnectionString(), `${prefix}Pirs`), (r) => r as Pir);
    const counters = new DocumentTable<{ next: number }>(
      await openTable(azuriteConnectionString(), `${prefix}Counters`),
      (r) => r as { next: number },
    );
    // As the bot stored them before the index: the request, its reference row and the year's counter, nothing else.
    const old = Array.from({ length: 12 }, (_, i) =>
      submitted(`b-${String(i).padStart(4, '0')}`, `2026-${i < 6 ? '05' : '11'}-1${i % 9}T10:00:00.000Z`),
    );
    for (const pir of old) {
      await raw.create(lead.id, pir.id, pir);
      await stores.pirs.indexReference(pir.reference ?? '', lead.id, pir.id);
    }
    await counters.create('pir', '2026', { next: 13 });
    const november = old.filter((p) => p.submittedAt?.startsWith('2026-11')).map((p) => p.id);
    const listed = async () =>
      (await stores.pirs.listInMonths('2026-11', '2026-11'))
        .filter((r) => factMonthsOf(r.facts).includes('2026-11'))
        .map((r) => r.pirId)
        .sort();
    expect(await listed()).toEqual(november);

    expect(await stores.pirs.indexEarlierYears(() => true)).toEqual({ years: 1, rows: 12 });
    // Indexed: the month's query finds them, nothing else is read (every row is trusted, none carries the request).
    const found = await stores.pirs.listInMonths('2026-11', '2026-11');
    expect(found.map((r) => r.pirId).sort()).toEqual(november);
    expect(found.every((r) => r.pir === undefined)).toBe(true);
    expect(await stores.pirs.indexEarlierYears(() => true)).toEqual({ years: 0, rows: 0 });
    // A counter created now marks its year indexed from the start.
    await stores.pirs.allocateReference(2027);
    expect((await counters.get('pir', '2027'))?.value).toEqual({ next: 1, indexed: true });
  });
});
