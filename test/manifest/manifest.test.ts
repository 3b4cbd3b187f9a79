import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fillManifest, readPackagingEnv } from '../../scripts/manifest/fill-manifest.js';
import { packageApp, validateManifest } from '../../scripts/manifest/package-app.js';

const env = { BOT_ID: '00000000-0000-0000-0000-000000000001', BOT_DOMAIN: 'ppi-bot.azurewebsites.net' };
const template = readFileSync('manifest/manifest.json', 'utf8');

function filled(): Record<string, unknown> {
  return JSON.parse(fillManifest(template, readPackagingEnv(env))) as Record<string, unknown>;
}

describe('Teams app manifest', () => {
  it('validates offline against the bundled Teams schema', async () => {
    expect(await validateManifest(filled())).toEqual([]);
  });

  it('is caught by the validator when broken', async () => {
    const broken = { ...filled(), accentColor: 'blue', name: { short: '' } };
    expect((await validateManifest(broken)).length).toBeGreaterThan(0);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon of white and transparent pixels only', () => {
    const color = PNG.sync.read(readFileSync('manifest/color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync('manifest/outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
  });

  it('keeps command titles unique per scope', () => {
    const bots = filled().bots as { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    for (const list of bots[0]?.commandLists ?? []) {
      const titles = list.commands.map((c) => c.title.toLowerCase());
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it('refuses a leftover placeholder and a bad bot id with a sentence naming the variable', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a manifest placeholder, not a JS template
    expect(() => fillManifest('{"id":"${{NOPE}}"}', {})).toThrow('set NOPE');
    expect(() => readPackagingEnv({ ...env, BOT_ID: 'not-a-guid' })).toThrow(/Set BOT_ID \(or MicrosoftAppId\)/);
    expect(() => readPackagingEnv({ ...env, BOT_DOMAIN: 'https://x.example' })).toThrow(/Set BOT_DOMAIN/);
  });

  it('writes a zip with manifest.json and both icons at its root', async () => {
    const path = await packageApp({ env, outDir: mkdtempSync(join(tmpdir(), 'ppi-pkg-')) });
    const zip = readFileSync(path);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    for (const name of ['manifest.json', 'color.png', 'outline.png'])
      expect(zip.includes(Buffer.from(name))).toBe(true);
  });
});
