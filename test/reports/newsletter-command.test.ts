import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_EXPORTS } from '../../src/reports/handlers/report-exports.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';
import { seedQ3 } from './seed-stores.js';

const ENV = { EXPORT_SIGNING_KEY: 'k'.repeat(40), PUBLIC_BASE_URL: 'http://127.0.0.1:1' };

function openUrls(card: unknown): string[] {
  const actions = (card as { actions?: { type: string; url: string }[] }).actions ?? [];
  return actions.filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);
}

describe('newsletter <period> (PPI team)', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('gives the period’s signed-off items as plain text; a download only in a 1:1 chat', async () => {
    const h = await BotHarness.start({ now: new Date('2027-01-05T10:00:00Z'), env: ENV });
    await seedQ3(h.bot.stores);
    const mine = (await h.say(people.admin, 'newsletter Q3 2026/27')).cards[0];
    const text = cardText(mine);
    expect(text).toContain('Newsletter text: Q3 2026/27 (October to December 2026) (4 items)');
    expect(text).toContain('You said, we did: Q3 2026/27 (October to December 2026)');
    expect(text).toContain('The download link is for you only');
    expect(openUrls(mine)).toHaveLength(1);
    expect(openUrls(mine)[0]).toContain(`/api/exports/${REPORT_EXPORTS.newsletter}?t=`);
    const inChannel = (await h.say(people.admin, 'newsletter Q3 2026/27', ppiChannel)).cards[0];
    expect(openUrls(inChannel)).toEqual([]);
    expect(cardText(inChannel)).toContain('send me **newsletter Q3 2026/27** in our 1:1 chat');
    expect((await h.say(people.lead, 'newsletter November 2026')).texts).toEqual([refusal.ppiTeam]);
    expect((await h.say(people.admin, 'newsletter Smarch')).texts[0]).toContain('couldn\'t read "Smarch"');
  });

  it('serves the text file to the PPI team member it was issued to, and to nobody else', async () => {
    running = await startRunningBot(ENV);
    await seedQ3(running.bot.stores);
    const get = async (by: string, subject: string) => {
      const link = new URL(running?.bot.downloads.linkFor(REPORT_EXPORTS.newsletter, subject, by)?.url ?? '');
      return fetch(`${running?.url}${link.pathname}${link.search}`);
    };
    const file = await get(people.admin.id, 'quarter:2026-Q4');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="you-said-we-did-quarter-2026-Q4.txt"');
    expect(await file.text()).toContain('We could not change this, because: Parking is run by the council');
    expect((await get(people.lead.id, 'quarter:2026-Q4')).status).toBe(403);
    expect((await get(people.admin.id, '../../etc')).status).toBe(403);
  });
});
