import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { PLAYGROUND_PLACES } from '../../scripts/local/role-guide.js';
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
const RESULTS = join(REPO_ROOT, 'test-results');
const shot = (name: string) => join(RESULTS, `playground-${name}.png`);

/** The lead's menu, and what each button's command answers with (a new card in the chat). */
const LEAD_MENU: readonly (readonly [button: string, answer: string])[] = [
  ['Start a new request', 'Step 1 of 8'],
  ['Carry on with a draft', 'Project basics'],
  ['My requests', 'Your Patient Involvement Requests'],
  ['Where is my request?', 'Which request would you like the status of?'],
  ['Log engagement', 'What kind of engagement was it?'],
  ['My records', 'You have no records from the last three months'],
];

async function typeInChat(page: Page, text: string): Promise<void> {
  const composer = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
  await composer.click();
  await composer.pressSequentially(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

function card(page: Page, text: string): Locator {
  return page.locator('.ac-adaptiveCard', { hasText: text });
}

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
      viewport: { width: 1280, height: 2000 },
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await stack.stop();
    rmSync(profileDir, { recursive: true, force: true });
  }, 40_000);

  it('welcomes by role, opens the project lead’s menu in place, and every button runs and keeps it', {
    timeout: 90_000,
  }, async () => {
    onTestFailed(() => console.error(stack.recentLogs()));
    if (!browser) throw new Error('the browser did not start');
    mkdirSync(RESULTS, { recursive: true });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(stack.playgroundUrl);
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click({ timeout: 20_000 });

    await stack.client.install(PLAYGROUND_PLACES.personalChat.id);
    const welcome = card(page, 'Welcome to PPI Partner').first();
    await welcome.waitFor({ state: 'visible', timeout: 20_000 });
    for (const role of ['I’m leading a project', 'I’m a partnership champion', 'I’m in the PPI team']) {
      expect(await welcome.getByRole('button', { name: role }).isVisible(), role).toBe(true);
    }
    expect(await welcome.textContent()).not.toContain('${');
    await welcome.screenshot({ path: shot('welcome') });

    // Its buttons are Action.Submit (CARD_ACTIONS defaults to submit): the Playground's renderer sends the press and
    // the bot updates the card in place.
    await welcome.getByRole('button', { name: 'I’m leading a project' }).click();
    const menu = card(page, 'For project leads').first();
    await menu.waitFor({ state: 'visible', timeout: 20_000 });
    // The welcome was replaced by the menu: pressing a role opens its menu in place, not "no longer available".
    expect(await card(page, 'Welcome to PPI Partner').count()).toBe(0);
    expect(await card(page, 'no longer available').count()).toBe(0);
    await menu.screenshot({ path: shot('lead-menu') });

    for (const [button, answer] of LEAD_MENU) {
      const before = await card(page, answer).count();
      await menu.getByRole('button', { name: button }).click();
      await expect
        .poll(() => card(page, answer).count(), { timeout: 20_000, message: `${button} → ${answer}` })
        .toBeGreaterThan(before);
      // The menu stays where it was, with all its buttons.
      expect(await menu.getByRole('button', { name: button }).isVisible(), button).toBe(true);
    }
    const step = card(page, 'Step 1 of 8').first();
    await step.screenshot({ path: shot('step') });
    expect(await step.textContent()).toContain('Up to 150 characters.');

    await typeInChat(page, 'help');
    const help = card(page, 'What I can do').first();
    await help.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await help.getByRole('button', { name: 'Show everything' }).isVisible()).toBe(true);
    await help.screenshot({ path: shot('help') });
    await page.screenshot({ path: shot('page'), fullPage: true });
  });
});
