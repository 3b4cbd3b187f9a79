import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { policyTableIn } from '../../scripts/docs/security-policy-table.js';
import { policyTable } from '../../src/bot/policy-table.js';
import { BotHarness } from '../helpers/bot-harness.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Every verb of every `*-verbs.ts` constant in src/ (the values cards carry). */
async function allVerbs(): Promise<string[]> {
  const verbs: string[] = [];
  for (const file of filesUnder('src').filter((f) => f.endsWith('-verbs.ts'))) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const constant of Object.values(module)) {
      if (constant && typeof constant === 'object')
        verbs.push(...Object.values(constant).filter((v) => typeof v === 'string'));
    }
  }
  return verbs;
}

describe('route policies', () => {
  it('are what SECURITY.md says, route by route (run npm run docs:policies after changing a route)', async () => {
    const h = await BotHarness.start();
    const documented = policyTableIn(readFileSync('SECURITY.md', 'utf8'));
    expect(documented, 'SECURITY.md has no route policy table').toBeDefined();
    expect(policyTable(h.bot.routes)).toBe(documented);
  });

  it('every registered command and card button declares who and where; names are unique', async () => {
    const h = await BotHarness.start();
    const names = h.bot.routes.map((r) => r.route);
    expect(new Set(names).size).toBe(names.length);
    for (const route of h.bot.routes) {
      expect(route.grants.length, route.route).toBeGreaterThan(0);
      for (const grant of route.grants) {
        expect(grant.who.length, route.route).toBeGreaterThan(0);
        expect(grant.where === 'anywhere' || grant.where.length > 0, route.route).toBe(true);
      }
    }
  });

  it('every verb constant has a route (an unrouted verb would fall through to "that button is no longer available")', async () => {
    const h = await BotHarness.start();
    const routed = new Set(h.bot.routes.filter((r) => r.kind === 'card').map((r) => r.route));
    const verbs = await allVerbs();
    expect(verbs.length).toBeGreaterThan(20);
    expect(verbs.filter((v) => !routed.has(v))).toEqual([]);
  });

  it('no feature checks roles by hand: role checks live in the router (and the download link re-check)', () => {
    const allowed = new Set([
      'src/bot/run-route.ts',
      'src/ppi-team/store/ppi-roles.ts',
      'src/reports/handlers/report-exports.ts',
    ]);
    const handWritten = filesUnder('src')
      .filter((f) => f.endsWith('.ts') && !allowed.has(f.split('\\').join('/')))
      .filter((f) => /\.isPpiTeam\(|\.isPpiAdmin\(|\bisAdmin\(/.test(readFileSync(f, 'utf8')));
    expect(handWritten).toEqual([]);
  });
});
