import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { REPO_ROOT } from '../../scripts/local/start-processes.js';
import { LocalStack } from './helpers/local-stack.js';

const CHROMIUM = '/usr/bin/chromium';
// Debian's chromium package (apt-get install chromium) is what the browser test drives; .ci/run installs it. On a
// machine without it (e.g. a laptop that only runs the unit tests) the test is skipped with this reason printed.
const noChromium = !existsSync(CHROMIUM);
if (noChromium) console.warn(`playground-browser.test.ts skipped: ${CHROMIUM} not found (apt-get install chromium).`);

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = join(REPO_ROOT, 'test-results', 'playground-help.png');

// Skipped, with the printed reason above, only where Debian chromium is absent; .ci/run installs it with apt.
describe.skipIf(noChromium)('bot in the Agents Playground (headless Chromium)', () => {
  const stack = new LocalStack();
  const profileDir = mkdtempSync(join(tmpdir(), 'ppi-chromium-'));
  let browser: BrowserContext | undefined;

  beforeAll(async () => {
    await stack.start();
    // A fresh profile each run; launchPersistentContext is how Playwright takes a --user-data-dir.
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 860 },
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await stack.stop();
    rmSync(profileDir, { recursive: true, force: true });
  }, 40_000);

  it('shows the help card after typing help in the personal chat, and runs a button on it', {
    timeout: 45_000,
  }, async () => {
    onTestFailed(() => console.error(stack.recentLogs()));
    if (!browser) throw new Error('the browser did not start');
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(stack.playgroundUrl);
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click({ timeout: 20_000 });

    const composer = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await composer.click();
    await composer.pressSequentially('help');
    await page.getByRole('button', { name: 'Send Message' }).click();

    const card = page.locator('.ac-adaptiveCard', { hasText: 'What I can do' }).first();
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(await card.textContent()).toContain('What I can do');

    // Its buttons are Action.Submit (CARD_ACTIONS defaults to submit): the Playground's renderer sends the press and
    // the bot updates the card in place.
    await card.getByRole('button', { name: 'My requests' }).click();
    const list = page.locator('.ac-adaptiveCard', { hasText: 'Your Patient Involvement Requests' }).first();
    await list.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.ac-adaptiveCard', { hasText: 'What I can do' }).count()).toBe(0);
  });
});
