import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { colorIcon, outlineIcon } from '../../scripts/make-icons.js';
import { fillManifest, LOCAL_TEAMS_APP_ID, readPackagingEnv } from '../../scripts/manifest/fill-manifest.js';
import { iconProblems, packageApp, validateManifest } from '../../scripts/manifest/package-app.js';

const BOT_ID = '00000000-0000-0000-0000-000000000001';
const PRIVACY_URL = 'https://www.trust.nhs.uk/privacy/ppi-partner';
const TERMS_URL = 'https://www.trust.nhs.uk/ppi-partner/terms-of-use';
const env = { BOT_ID, BOT_DOMAIN: 'ppi-bot.azurewebsites.net', PRIVACY_URL, TERMS_URL };
const BAD_BOT_ID = "Set BOT_ID (or MicrosoftAppId) to your Azure Bot's Microsoft App ID (a GUID).";
const manifestFile = (name: string) => new URL(`../../manifest/${name}`, import.meta.url);
const template = readFileSync(manifestFile('manifest.json'), 'utf8');
const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

type Command = { title: string; description?: string };
type CommandList = { scopes: string[]; commands: Command[] };
type Manifest = {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { privacyUrl: string; termsOfUseUrl: string; websiteUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  accentColor: string;
  bots: { botId: string; scopes: string[]; commandLists: CommandList[] }[];
  permissions: string[];
  validDomains: string[];
  supportsChannelFeatures?: string;
};

function filled(overrides: NodeJS.ProcessEnv = {}): Manifest {
  return JSON.parse(fillManifest(template, readPackagingEnv({ ...env, ...overrides }))) as Manifest;
}

function commandList(scope: string): Command[] {
  const list = filled().bots[0]?.commandLists.find((l) => l.scopes.includes(scope));
  if (!list) throw new Error(`no command list for ${scope}`);
  return list.commands;
}

function pixels(png: PNG): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < png.data.length; i += 4) {
    out.push([png.data[i] ?? -1, png.data[i + 1] ?? -1, png.data[i + 2] ?? -1, png.data[i + 3] ?? -1]);
  }
  return out;
}

type ZipEntry = { name: string; method: number; localHeaderOffset: number; compressedSize: number };

/** Reads a zip's central directory from its End Of Central Directory record (no unzip binary needed). */
function centralDirectory(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? inflateRawSync(raw) : raw;
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ppi-pkg-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Teams app manifest', () => {
  it('validates with zero errors against the schema bundled in @microsoft/app-manifest, without the network', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('network used')));
    vi.stubGlobal('fetch', fetch);
    expect(await validateManifest(filled())).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('names the same schema version in $schema and manifestVersion', () => {
    const manifest = filled();
    const match =
      /^https:\/\/developer\.microsoft\.com\/en-us\/json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(
        manifest.$schema,
      );
    expect(match?.[1]).toBe(manifest.manifestVersion);
  });

  it('reports schema errors for a broken manifest', async () => {
    const broken = { ...filled(), accentColor: 'blue', name: { short: '' }, bots: [{ botId: 'not-a-guid' }] };
    const errors = await validateManifest(broken);
    expect(errors.some((e) => e.startsWith('/accentColor'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/botId'))).toBe(true);
  });

  it("fills every placeholder: ids, domain, version and the trust's own privacy, terms and website pages", () => {
    const manifest = filled();
    expect(manifest.id).toBe(LOCAL_TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['ppi-bot.azurewebsites.net']);
    expect(manifest.version).toBe(packageVersion);
    expect(manifest.developer.privacyUrl).toBe(PRIVACY_URL);
    expect(manifest.developer.termsOfUseUrl).toBe(TERMS_URL);
    expect(manifest.developer.websiteUrl).toBe('https://www.trust.nhs.uk');
    expect(filled({ WEBSITE_URL: 'https://ppi.trust.nhs.uk/about' }).developer.websiteUrl).toBe(
      'https://ppi.trust.nhs.uk/about',
    );
  });

  it('is at schema 1.29 (the current Microsoft bot template) and declares channel features', () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.supportsChannelFeatures).toBe('tier1');
  });

  it('carries the agreed names, colour, scopes and permissions', () => {
    const manifest = filled();
    expect(manifest.name).toEqual({ short: 'PPI Partner', full: 'PPI Partner – Patient and Public Involvement' });
    expect(manifest.accentColor).toBe('#005EB8');
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full).toMatch(/patient-identifiable/);
  });

  it('lists the commands for each scope: personal (leads, champions), team (PPI team, managers) and group chats', () => {
    expect(commandList('personal').map((c) => c.title)).toEqual([
      'help',
      'new request',
      'continue',
      'my requests',
      'status PIR-2026-0001',
      'log engagement',
      'you said we did',
      'my records',
      "I'm a champion for Finance",
      'nudge me now',
      'pause nudges',
      'resume nudges',
    ]);
    expect(commandList('team').map((c) => c.title)).toEqual([
      'help',
      'set PPI team channel',
      'PPI team',
      'approvals',
      'champions',
      'set champions channel',
      'catch-up now',
      'subscribe digest monthly',
      'unsubscribe digest',
      'digest now',
      'report',
      'directorates',
    ]);
    // `digest now` answers only in a subscribed channel (or for the PPI team), so group chats are not offered it.
    expect(commandList('groupChat').map((c) => c.title)).toEqual(['help', 'status PIR-2026-0001', 'directorates']);
  });

  it('keeps command lists within the Teams limits, one list per scope, with unique titles', () => {
    // Schema 1.29 allows 12 commands per list (10 before 1.24), 128-character titles and 4,000-character
    // descriptions; the command menu shows short titles and descriptions best, so the manifest keeps to 32 / 128.
    const lists = filled().bots[0]?.commandLists ?? [];
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    const scopesSeen = new Set<string>();
    for (const list of lists) {
      for (const scope of list.scopes) {
        expect(scopesSeen.has(scope), `${scope} has two command lists`).toBe(false);
        scopesSeen.add(scope);
      }
      expect(list.commands.length).toBeLessThanOrEqual(12);
      const titles = list.commands.map((c) => c.title.toLowerCase());
      expect(new Set(titles).size).toBe(titles.length);
      for (const command of list.commands) {
        expect(command.title.length, command.title).toBeLessThanOrEqual(32);
        expect(command.description?.length ?? 0, command.title).toBeGreaterThan(0);
        expect(command.description?.length ?? 0, command.title).toBeLessThanOrEqual(128);
      }
    }
  });
});

describe('app icons', () => {
  const color = PNG.sync.read(readFileSync(manifestFile('color.png')));
  const outline = PNG.sync.read(readFileSync(manifestFile('outline.png')));

  it('are 192x192 (colour) and 32x32 (outline)', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('outline holds only white and fully transparent pixels, and both kinds', () => {
    const kinds = new Set(pixels(outline).map(([r, g, b, a]) => (a === 0 ? 'transparent' : `${r},${g},${b},${a}`)));
    expect([...kinds].sort()).toEqual(['255,255,255,255', 'transparent']);
  });

  it('colour icon is opaque NHS blue with a white symbol kept inside the central 96x96 square', () => {
    const all = pixels(color);
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    expect(all.filter(([r, g, b]) => r === 0x00 && g === 0x5e && b === 0xb8).length).toBeGreaterThan(192 * 192 * 0.6);
    expect(all.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    const outsideSafeArea = all.filter(([r, g, b], i) => {
      const [x, y] = [i % 192, Math.floor(i / 192)];
      const padding = x < 48 || x >= 144 || y < 48 || y >= 144;
      return padding && !(r === 0x00 && g === 0x5e && b === 0xb8);
    });
    expect(outsideSafeArea).toEqual([]);
  });

  it('match what scripts/make-icons.ts draws (regenerate them after changing it)', () => {
    expect(PNG.sync.read(colorIcon()).data.equals(color.data)).toBe(true);
    expect(PNG.sync.read(outlineIcon()).data.equals(outline.data)).toBe(true);
  });

  it('are checked by the packager for size and outline colours', () => {
    expect(iconProblems('color', 'color.png', readFileSync(manifestFile('color.png')))).toEqual([]);
    expect(iconProblems('outline', 'outline.png', readFileSync(manifestFile('outline.png')))).toEqual([]);
    expect(iconProblems('outline', 'color.png', readFileSync(manifestFile('color.png')))).toHaveLength(2);
    expect(iconProblems('color', 'x.png', Buffer.from('not a png'))).toEqual(['x.png is not a PNG file.']);
  });
});

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: manifest placeholders, not JS templates
describe('fillManifest', () => {
  it('replaces placeholders and escapes values for JSON strings', () => {
    const out = fillManifest('{"a":"${{A}}","b":"${{ B }}/x"}', { A: 'say "hi"\\', B: 'https://h.example' });
    expect(JSON.parse(out)).toEqual({ a: 'say "hi"\\', b: 'https://h.example/x' });
  });

  it('throws naming every placeholder left without a value', () => {
    expect(() => fillManifest('{"id":"${{NOPE}}","v":"${{A}}"}', { A: '1' })).toThrow(
      'The manifest template has placeholders without a value: ${{NOPE}}.',
    );
    expect(() => fillManifest('["${{X}}","${{Y}}","${{X}}","${{bad-name}}"]', {})).toThrow(
      'placeholders without a value: ${{X}}, ${{Y}}, ${{bad-name}}.',
    );
  });

  it('leaves none in the real template once the packaging values are given', () => {
    expect(fillManifest(template, readPackagingEnv(env))).not.toContain('${{');
  });
});
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: manifest placeholders, not JS templates

describe('readPackagingEnv', () => {
  it('rejects a bad, missing or blank BOT_ID with one sentence', () => {
    expect(() => readPackagingEnv({ ...env, BOT_ID: 'not-a-guid' })).toThrow(BAD_BOT_ID);
    expect(() => readPackagingEnv({ BOT_DOMAIN: env.BOT_DOMAIN })).toThrow(BAD_BOT_ID);
    expect(() => readPackagingEnv({ BOT_DOMAIN: env.BOT_DOMAIN, BOT_ID: '  ' })).toThrow(BAD_BOT_ID);
  });

  it('falls back to MicrosoftAppId, also when BOT_ID is set but blank', () => {
    const id = '11111111-2222-3333-4444-555555555555';
    const { BOT_ID: _unset, ...withoutBotId } = env;
    expect(readPackagingEnv({ ...withoutBotId, MicrosoftAppId: id }).BOT_ID).toBe(id);
    expect(readPackagingEnv({ ...withoutBotId, BOT_ID: '', MicrosoftAppId: id }).BOT_ID).toBe(id);
  });

  it('requires BOT_DOMAIN as a bare host name', () => {
    for (const domain of [
      undefined,
      '',
      'https://ppi-bot.azurewebsites.net',
      'ppi-bot.azurewebsites.net/api',
      'x:3978',
    ]) {
      expect(() => readPackagingEnv({ BOT_ID, BOT_DOMAIN: domain }), String(domain)).toThrow(/^Set BOT_DOMAIN /);
    }
  });

  it('defaults TEAMS_APP_ID, APP_VERSION and WEBSITE_URL, and checks them when set', () => {
    expect(readPackagingEnv(env)).toEqual({
      TEAMS_APP_ID: LOCAL_TEAMS_APP_ID,
      BOT_ID,
      BOT_DOMAIN: 'ppi-bot.azurewebsites.net',
      APP_VERSION: packageVersion,
      PRIVACY_URL,
      TERMS_URL,
      WEBSITE_URL: 'https://www.trust.nhs.uk',
    });
    expect(() => readPackagingEnv({ ...env, TEAMS_APP_ID: 'ppi' })).toThrow(/^Set TEAMS_APP_ID /);
    expect(() => readPackagingEnv({ ...env, APP_VERSION: '1.0' })).toThrow(/^Set APP_VERSION /);
    expect(() => readPackagingEnv({ ...env, APP_VERSION: '01.0.0' })).toThrow(/^Set APP_VERSION /);
    expect(() => readPackagingEnv({ ...env, WEBSITE_URL: 'http://www.trust.nhs.uk' })).toThrow(/^Set WEBSITE_URL /);
  });

  it('requires the privacy notice and terms of use as real https pages that the bot does not claim to serve', () => {
    for (const name of ['PRIVACY_URL', 'TERMS_URL'] as const) {
      for (const [value, why] of [
        [undefined, /; Teams shows it on the app's details page\.$/],
        ['   ', /; Teams shows it on the app's details page\.$/],
        ['http://www.trust.nhs.uk/privacy', /without spaces, a query or a #fragment/],
        ['https://www.trust.nhs.uk/privacy?lang=en', /without spaces, a query or a #fragment/],
        ['www.trust.nhs.uk/privacy', /without spaces, a query or a #fragment/],
        ['https://ppi-bot.azurewebsites.net/privacy', /is the bot's own host, which serves no such page\.$/],
        ['https://PPI-BOT.azurewebsites.net/terms', /is the bot's own host/],
        ['https://example.org/privacy', /is a placeholder, not a published page\.$/],
        ['https://www.example.com/terms', /is a placeholder/],
        ['https://trust.test/privacy', /is a placeholder/],
        ['https://localhost/privacy', /is a placeholder/],
        ['https://127.0.0.1/privacy', /is a placeholder/],
      ] as const) {
        const message = new RegExp(`^Set ${name} to the https:// address of `);
        const attempt = () => readPackagingEnv({ ...env, [name]: value });
        expect(attempt, `${name}=${value}`).toThrow(message);
        expect(attempt, `${name}=${value}`).toThrow(why);
      }
    }
  });

  it('refuses the retired APP_BASE_URL with a sentence that names its replacements', () => {
    expect(() => readPackagingEnv({ ...env, APP_BASE_URL: 'https://ppi-bot.azurewebsites.net' })).toThrow(
      /^APP_BASE_URL is no longer used, .* set PRIVACY_URL and TERMS_URL /,
    );
  });
});

describe('packageApp', () => {
  it('writes ppi-partner.zip whose central directory lists manifest.json and both icons at the root', async () => {
    const dir = tempDir();
    const path = await packageApp({ env: { ...env, APP_VERSION: '2.3.4' }, outDir: dir });
    expect(path).toBe(join(dir, 'ppi-partner.zip'));
    expect(readdirSync(dir)).toEqual(['ppi-partner.zip']);
    const zip = readFileSync(path);
    const entries = centralDirectory(zip);
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const byName = new Map(entries.map((e) => [e.name, e]));
    const manifestEntry = byName.get('manifest.json');
    const colorEntry = byName.get('color.png');
    if (!manifestEntry || !colorEntry) throw new Error('missing entries');
    const manifest = JSON.parse(entryData(zip, manifestEntry).toString('utf8')) as Manifest;
    expect(manifest.version).toBe('2.3.4');
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(entryData(zip, colorEntry).equals(readFileSync(manifestFile('color.png')))).toBe(true);
  });

  it('stops with the sentence and writes nothing when the environment is wrong', async () => {
    const dir = tempDir();
    await expect(packageApp({ env: { BOT_DOMAIN: env.BOT_DOMAIN }, outDir: dir })).rejects.toThrow(BAD_BOT_ID);
    expect(readdirSync(dir)).toEqual([]);
  });
});
