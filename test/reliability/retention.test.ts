import { describe, expect, it } from 'vitest';
import { RETENTION_JOB } from '../../src/delivery/daily-job.js';
import { createLogger } from '../../src/logger.js';
import { makeMessage } from '../helpers/activities.js';
import { BotHarness } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { submitRequest } from '../pir/pir-helpers.js';

describe('draft retention (DRAFT_RETENTION_DAYS)', () => {
  it('deletes drafts untouched for N days once a day, keeps recent drafts and submitted requests, and audits', async () => {
    const h = await BotHarness.start({ now: new Date('2026-08-01T10:00:00Z'), env: { DRAFT_RETENTION_DAYS: '90' } });
    await h.say(people.lead, 'new request');
    await submitRequest(h, people.otherLead);
    h.clock = new Date('2026-09-15T10:00:00Z');
    await h.say(people.member, 'new request');
    const [old] = await h.bot.stores.pirs.listForLead(people.lead.id);

    h.clock = new Date('2026-10-30T10:00:00Z'); // 90 days after 1 August
    await h.bot.scheduler.runOnce(RETENTION_JOB);
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(1);

    h.clock = new Date('2026-10-31T10:00:00Z');
    await h.bot.scheduler.runOnce(RETENTION_JOB);
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(0);
    expect(await h.bot.stores.pirs.listForLead(people.member.id)).toHaveLength(1);
    expect((await h.bot.stores.pirs.listForLead(people.otherLead.id))[0]?.status).toBe('submitted');
    const audit = await h.bot.stores.audit.list(old?.id ?? '');
    expect(audit.map((a) => a.action)).toEqual(['draft-deleted']);
    expect(JSON.stringify(audit)).not.toContain(old?.answers.title ?? 'never');
  });

  it('runs once a day however often the scheduler ticks, and spares a draft edited meanwhile', async () => {
    const h = await BotHarness.start({ now: new Date('2026-01-05T10:00:00Z') });
    await h.say(people.lead, 'new request');
    h.clock = new Date('2026-06-01T10:00:00Z');
    const stale = await h.bot.stores.pirs.listStaleDrafts('2026-05-01T00:00:00Z');
    expect(stale).toHaveLength(1);
    const draft = stale[0];
    if (!draft) throw new Error('fixture');
    const edited = await h.bot.stores.pirs.write(draft.value.lead.id, draft.value.id, (p) =>
      p ? { ...p, updatedAt: h.clock.toISOString() } : undefined,
    );
    expect(edited.status).toBe('applied');
    await expect(h.bot.stores.pirs.removeUnchanged(draft)).rejects.toThrow(/changed by someone else/);
    await h.bot.scheduler.runOnce(RETENTION_JOB);
    expect(await h.bot.stores.pirs.listForLead(people.lead.id)).toHaveLength(1);
  });

  it('prunes the Activities de-duplication ledger: days older than two are deleted (ETag-safe), and it says how many', async () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', format: 'json' }, { write: (line: string) => void lines.push(line) });
    const h = await BotHarness.start({ now: new Date('2026-11-23T10:00:00Z'), clock: 'moving', log });
    const days = ['2026-11-15', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];
    const sent = days.map((day) => ({ ...makeMessage(people.lead, 'help'), timestamp: new Date(`${day}T09:00:00Z`) }));
    for (const activity of sent) await h.process(activity);
    const concurrentPrune = h.bot.stores.ledger.prune(new Date('2026-11-23T10:00:00Z'), () => true);
    await h.bot.scheduler.runOnce(RETENTION_JOB);
    const byOther = await concurrentPrune;
    const report = lines
      .map((l) => JSON.parse(l) as { msg?: string; activities?: { removed: number } })
      .find((l) => l.msg === 'retention ran');
    // Sent again, a pruned activity is new to the ledger; a kept one is still recognised as a duplicate.
    const seenAgain = await Promise.all(
      sent.map((a) =>
        a.id && a.conversation ? h.bot.stores.ledger.firstSeen(a.conversation.id, a.id, a.timestamp as Date) : false,
      ),
    );
    expect(seenAgain).toEqual([true, true, false, false, false]);
    expect((report?.activities?.removed ?? 0) + byOther).toBe(2);
    expect(report?.activities).toBeDefined();
  });
});
