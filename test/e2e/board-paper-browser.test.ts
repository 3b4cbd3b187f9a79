import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/local/start-processes.js';
import { createLogger } from '../../src/logger.js';
import { BOARD_SECTIONS } from '../../src/reports/paper/render-board-paper.js';
import { COMMITTEE_SECTIONS } from '../../src/reports/paper/render-committee-report.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { BotHarness } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { seedQ3 } from '../reports/seed-stores.js';

const CHROMIUM = '/usr/bin/chromium';
// As in playground-browser.test.ts: Debian's chromium (apt-get install chromium; .ci/run installs it). Without it this
// file is skipped with this reason printed.
const noChromium = !existsSync(CHROMIUM);
if (noChromium) console.warn(`board-paper-browser.test.ts skipped: ${CHROMIUM} not found (apt-get install chromium).`);

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'];
const RESULTS = join(REPO_ROOT, 'test-results');
const PUBLIC_BASE_URL = 'http://127.0.0.1:1';

/** Text of each PDF page, as pdf.js extracts it (whitespace collapsed). */
async function pdfPages(path: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

/** The page (0-based) each section's heading starts, or -1: a section starts a page when its heading comes first. */
function sectionStarts(pages: readonly string[], sections: readonly (readonly [string, string])[]): number[] {
  return sections.map(([, heading]) =>
    pages.findIndex((text, i) => text.startsWith(`Page ${i + 1} of ${pages.length} ${heading}`)),
  );
}

interface AccessibilityFindings {
  readonly worst: number;
  readonly worstText: string;
  readonly checked: number;
  readonly svgs: readonly { role: string | null; labels: string[]; hasTitle: boolean; tableAfter: boolean }[];
  readonly headings: readonly number[];
  readonly h2Colour: string;
}

/**
 * Accessibility checks a browser can make offline: chart alternatives, heading order, and the computed contrast of
 * every element with text of its own against its nearest opaque background. Runs in the page (plain JavaScript:
 * the project's TypeScript has no DOM types).
 */
const ACCESSIBILITY_SCRIPT = `(() => {
  const rgb = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c[3] === undefined || c[3] > 0)) return c;
    }
    return [255, 255, 255];
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  let worst = 21;
  let worstText = '';
  let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent || '').trim() !== '');
    if (!ownText || getComputedStyle(el).display === 'none') continue;
    const inSvg = el.closest('svg') !== null;
    if (inSvg && (el.tagName === 'title' || el.tagName === 'desc')) continue;
    const fg = rgb(inSvg ? getComputedStyle(el).fill : getComputedStyle(el).color);
    const r = ratio(fg, inSvg ? [255, 255, 255] : background(el));
    checked++;
    if (r < worst) {
      worst = r;
      worstText = (el.textContent || '').trim().slice(0, 60);
    }
  }
  const svgs = [...document.querySelectorAll('svg')].map((svg) => {
    const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    return {
      role: svg.getAttribute('role'),
      labels: ids.map((id) => ((document.getElementById(id) || {}).textContent || '').trim()),
      hasTitle: svg.querySelector('title') !== null,
      tableAfter: (svg.nextElementSibling || {}).tagName === 'TABLE',
    };
  });
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
  const h2Colour = getComputedStyle(document.querySelector('h2') || document.body).color;
  return { worst, worstText, checked, svgs, headings, h2Colour };
})()`;

async function accessibility(page: Page): Promise<AccessibilityFindings> {
  return (await page.evaluate(ACCESSIBILITY_SCRIPT)) as AccessibilityFindings;
}

// Skipped only where Debian chromium is absent (the reason is printed); .ci/run installs it with apt.
describe.skipIf(noChromium)(
  'the Board paper and PIPEAC report in headless Chromium, from the bot’s signed links',
  () => {
    let harness: BotHarness;
    let server: RunningServer;
    let browser: BrowserContext;
    const profile = mkdtempSync(join(tmpdir(), 'ppi-paper-'));

    beforeAll(async () => {
      harness = await BotHarness.start({
        now: new Date('2027-01-05T10:00:00Z'),
        env: { PUBLIC_BASE_URL, EXPORT_SIGNING_KEY: 'p'.repeat(40) },
      });
      await seedQ3(harness.bot.stores);
      server = await startServer({
        port: 0,
        host: '127.0.0.1',
        maxRequestBytes: harness.config.maxRequestBytes,
        log: createLogger({ level: 'silent', format: 'json' }),
        processActivity: (req, res, logic) => harness.bot.adapter.process(req, res, logic),
        handleTurn: (context) => harness.bot.handle(context),
        readiness: async () => undefined,
        downloads: harness.bot.downloads,
      });
      // A fresh profile each run; launchPersistentContext is how Playwright takes a --user-data-dir.
      browser = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: { width: 1100, height: 1400 },
      });
      mkdirSync(RESULTS, { recursive: true });
    }, 60_000);

    afterAll(async () => {
      await browser?.close().catch(() => undefined);
      await server?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    /** Asks the bot for the report in a 1:1 chat and returns its download links, pointed at the test server. */
    async function links(command: string): Promise<Record<string, string>> {
      const reply = await harness.say(people.admin, command);
      const actions = (reply.cards[0] as { actions?: { type: string; title: string; url: string }[] }).actions ?? [];
      const downloads = actions.filter((a) => a.type === 'Action.OpenUrl');
      return Object.fromEntries(downloads.map((a) => [a.title, a.url.replace(PUBLIC_BASE_URL, server.url)]));
    }

    async function open(url: string, name: string) {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Refused|Content Security Policy/i.test(m.text())) refused.push(m.text());
      });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const response = await page.goto(url);
      await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      const pdf = join(RESULTS, `${name}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      return { page, response, refused, requests, pages: await pdfPages(pdf) };
    }

    it('prints the Board paper on A4: cover, then each section on a new page, with the figures', {
      timeout: 60_000,
    }, async () => {
      const url = (await links('report Q3 2026/27'))['Open the Board paper'] ?? '';
      expect(url).toContain('/api/exports/board-paper?t=');
      const { page, response, refused, requests, pages } = await open(url, 'board-paper');
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
      expect(refused).toEqual([]);
      expect(requests).toEqual([url]);
      console.log(`Board paper: ${pages.length} A4 pages (${join('test-results', 'board-paper.pdf')})`);
      expect(pages.length).toBe(12);
      for (const [i, text] of pages.entries()) expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(pages[0]).toContain('Patient and Public Involvement: quarterly update');
      expect(pages[0]).toContain('Q3 2026/27: October to December 2026');
      // Every section starts a page of its own, in order.
      const starts = sectionStarts(pages, BOARD_SECTIONS);
      expect(starts.every((s) => s > 0)).toBe(true);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      const all = pages.join(' ');
      for (const figure of [
        '74 people reached, each event counted once',
        '3 of 4 champions asked answered a check-in',
        'Budget setting only',
        'Year-end freeze',
        'Estates and Facilities (retired)',
        'Not on the list: “ghost”',
        'Clinic hours <review>',
        'Average 8.5 out of 10 (1 = not valued, 10 = highly valued).',
        'Average 6.6 out of 10 (1 = no impact, 10 = high impact).',
        'Whether participants were told the outcome is not recorded yet.',
      ]) {
        expect(all).toContain(figure);
      }
      const a11y = await accessibility(page);
      expect(a11y.svgs).toHaveLength(4);
      for (const svg of a11y.svgs) {
        expect(svg.role).toBe('img');
        expect(svg.hasTitle).toBe(true);
        expect(svg.labels.every((l) => l.length > 0)).toBe(true);
        expect(svg.tableAfter).toBe(true);
      }
      expect(a11y.headings[0]).toBe(1);
      for (let i = 1; i < a11y.headings.length; i++) {
        expect((a11y.headings[i] ?? 0) - (a11y.headings[i - 1] ?? 0)).toBeLessThanOrEqual(1);
      }
      expect(a11y.checked).toBeGreaterThan(100);
      expect(a11y.worst, `lowest contrast: “${a11y.worstText}”`).toBeGreaterThanOrEqual(4.5);
      expect(a11y.h2Colour).toBe('rgb(0, 48, 135)');
      await page.close();
    });

    it('prints the PIPEAC report: successes first, learning, then the five feedback questions', {
      timeout: 60_000,
    }, async () => {
      const url = (await links('report Q3 2026/27 for PIPEAC'))['Open the PIPEAC report'] ?? '';
      const { page, refused, pages } = await open(url, 'pipeac-report');
      expect(refused).toEqual([]);
      console.log(`PIPEAC report: ${pages.length} A4 pages (${join('test-results', 'pipeac-report.pdf')})`);
      expect(pages.length).toBe(6);
      const starts = sectionStarts(pages, COMMITTEE_SECTIONS);
      expect(starts).toEqual([1, 2, 3, 5]);
      expect(pages[1]).toContain('We said, we did: decided together with patients.');
      expect(pages[2]).toContain('People want clearer signs.');
      expect(pages[3]).toContain('1. How did you hear about today’s engagement activity?');
      expect(pages[4]).toContain('Feedback scores: forms in each band (1 = low, 10 = high)');
      const a11y = await accessibility(page);
      expect(a11y.worst, `lowest contrast: “${a11y.worstText}”`).toBeGreaterThanOrEqual(4.5);
      await page.close();
    });
  },
);
