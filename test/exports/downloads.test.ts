import { afterEach, describe, expect, it } from 'vitest';
import { signLink, verifyLink } from '../../src/exports/signed-link.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';

const KEY = 'k'.repeat(40);

describe('signed download links', () => {
  const claims = { export: 'board-report', subject: '2026-Q3', by: 'aad-ppi-admin', exp: 1_000 };

  it('verifies its own links and refuses tampered, expired, foreign and malformed ones', () => {
    const token = signLink(claims, KEY);
    expect(verifyLink(token, KEY, 999)).toEqual({ ok: true, claims });
    expect(verifyLink(token, KEY, 1_001)).toEqual({ ok: false, reason: 'link expired' });
    expect(verifyLink(token, 'x'.repeat(40), 999)).toEqual({ ok: false, reason: 'link not valid' });
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, subject: '2020-Q1' })).toString('base64url');
    expect(verifyLink(`${forged}.${sig}`, KEY, 999).ok).toBe(false);
    for (const junk of ['', '.', 'abc', `${payload}.${sig}.x`, `${payload}.`, 'x'.repeat(5000)]) {
      expect(verifyLink(junk, KEY, 999).ok).toBe(false);
    }
  });
});

describe('GET /api/exports/<name>', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
  });

  it('serves a registered export to a valid link, as an attachment, and refuses anything else', async () => {
    running = await startRunningBot({ EXPORT_SIGNING_KEY: KEY, PUBLIC_BASE_URL: 'http://127.0.0.1:1' });
    running.bot.downloads.register('test-export', async (subject, by) => ({
      filename: `export-${subject}.csv`,
      body: `subject,by\n${subject},${by}\n`,
    }));
    const link = running.bot.downloads.linkFor('test-export', '2026-Q3', 'aad-ppi-admin');
    expect(link?.minutes).toBe(15);
    const url = new URL(link?.url ?? '');
    const ok = await fetch(`${running.url}${url.pathname}${url.search}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/csv');
    expect(ok.headers.get('content-disposition')).toBe('attachment; filename="export-2026-Q3.csv"');
    expect(await ok.text()).toBe('subject,by\n2026-Q3,aad-ppi-admin\n');

    const other = await fetch(`${running.url}/api/exports/other-export${url.search}`);
    expect(other.status).toBe(403);
    const none = await fetch(`${running.url}${url.pathname}`);
    expect(none.status).toBe(403);
    expect(await none.text()).toContain('ask PPI Partner for a new one');
  });
});
