import { describe, expect, it } from 'vitest';
import { RETENTION_JOB } from '../../src/pir/jobs/draft-retention-job.js';
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
});
