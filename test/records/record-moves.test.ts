import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/turn.js';
import { createLogger } from '../../src/logger.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { azuriteConnectionString } from '../helpers/azurite.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { StoreFaultProxy } from '../helpers/store-fault-proxy.js';
import { recordReliability } from '../reliability/reliability-report.js';
import { engagement, yswd } from './record-fixtures.js';

const now = new Date('2026-11-23T10:00:00Z');
const RECORDS = /Records/;
/** 20 November (2026 Q4) moved to 28 September (2026 Q3): another month, another quarter's table. */
const MOVED_TO = '2026-09-28';

let proxy: StoreFaultProxy;
beforeAll(async () => {
  proxy = await StoreFaultProxy.start(azuriteConnectionString());
});
afterAll(() => proxy.stop());

interface Kind {
  readonly command: string;
  readonly kind: 'engagement' | 'yswd';
  readonly answers: Readonly<Record<string, string>>;
}
const KINDS: readonly Kind[] = [
  { command: 'log engagement', kind: 'engagement', answers: engagement },
  { command: 'you said we did', kind: 'yswd', answers: yswd },
];

/** A record saved through the bot, then opened for editing from My records: the edit form. */
async function savedThenOpened(h: BotHarness, kind: Kind): Promise<AdaptiveCard | undefined> {
  let form = (await h.say(people.lead, kind.command)).cards[0];
  if (kind.kind === 'engagement') {
    form = (await h.click(people.lead, RecordVerb.category, { category: 'involving' })).card;
  }
  await h.click(people.lead, RecordVerb.save, { ...actionData(form, RecordVerb.save), ...kind.answers });
  const mine = (await h.say(people.lead, 'my records')).cards[0];
  return (await h.click(people.lead, RecordVerb.edit, actionData(mine, RecordVerb.edit))).card;
}

/** Where the record is stored, read straight from the store: each month it is in. */
async function copiesOf(h: BotHarness, kind: Kind, id: string) {
  const months = ['2026-11', '2026-09'];
  const found = await Promise.all(months.map((month) => h.bot.stores.records.get({ kind: kind.kind, month, id })));
  return months.filter((_, i) => found[i] !== undefined);
}

describe('a record whose date moves to another month never disappears', () => {
  it('stays readable when the move fails at any one of its writes, reports a left-over copy, and saving again finishes the move', {
    timeout: 120_000,
  }, async () => {
    const runs: {
      kind: string;
      at: number;
      readable: boolean;
      copies: number;
      reported: boolean;
      finished: boolean;
    }[] = [];
    const writesPerMove: Record<string, number> = {};
    for (const kind of KINDS) {
      for (let at = 1; at < 12; at++) {
        const lines: string[] = [];
        const log = createLogger({ level: 'warn', format: 'json' }, { write: (line: string) => void lines.push(line) });
        const h = await BotHarness.start({
          now,
          clock: 'moving',
          log,
          connectionString: proxy.connectionString(azuriteConnectionString()),
        });
        const form = await savedThenOpened(h, kind);
        const opened = actionData(form, RecordVerb.save);
        const save = { ...opened, ...kind.answers, date: MOVED_TO };
        const id = String(opened.id);
        proxy.failWrites({ table: RECORDS, fromWrite: at });
        const reply = await h.click(people.lead, RecordVerb.save, save);
        const hit = proxy.refused(RECORDS) > 0;
        proxy.clear();
        if (!hit) {
          // The move needed fewer writes than `at`: it went through untouched, once.
          writesPerMove[kind.kind] = at - 1;
          expect(cardText(reply.card)).toContain('Changes saved');
          expect(await copiesOf(h, kind, id)).toEqual(['2026-09']);
          break;
        }
        const visible = (await h.bot.stores.records.listPeriod('2026-09-01', '2026-11-30', { kind: kind.kind })).filter(
          (d) => d.id === id,
        );
        const copies = await copiesOf(h, kind, id);
        const again = await h.click(people.lead, RecordVerb.save, save);
        const after = await copiesOf(h, kind, id);
        const saved = [reply, again].some((r) => cardText(r.card).includes('Changes saved'));
        runs.push({
          kind: kind.kind,
          at,
          readable: visible.length === 1,
          copies: copies.length,
          reported: lines.some((l) => l.includes('stored in two months')),
          finished: saved && after.join() === '2026-09',
        });
      }
    }
    const faults = runs.length;
    const readable = runs.filter((r) => r.readable).length;
    const twoCopies = runs.filter((r) => r.copies === 2);
    recordReliability({
      scenario: 'record date moved, a store failure at each write of the move',
      faults,
      expected: faults,
      delivered: readable,
      duplicated: twoCopies.length,
      lost: runs.filter((r) => r.copies === 0).length,
      note: `${Object.entries(writesPerMove)
        .map(([k, n]) => `${k}: ${n} writes`)
        .join(
          ', ',
        )}; left-over copies reported ${twoCopies.filter((r) => r.reported).length}/${twoCopies.length}; saving again finished ${runs.filter((r) => r.finished).length}/${faults}`,
    });
    expect(Object.keys(writesPerMove).sort()).toEqual(['engagement', 'yswd']);
    expect(faults).toBeGreaterThan(0);
    expect(runs.filter((r) => !r.readable)).toEqual([]);
    expect(runs.filter((r) => r.copies === 0)).toEqual([]);
    expect(twoCopies.filter((r) => !r.reported)).toEqual([]);
    expect(runs.filter((r) => !r.finished)).toEqual([]);
  });
});
