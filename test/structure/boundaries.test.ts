import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOT_UNIT, UNIT_TESTS } from '../../vitest.unit.config.js';
import {
  areaCycles,
  areaGraph,
  areasOf,
  filesUnder,
  globToRegExp,
  reachableFrom,
  type SrcImport,
  srcImports,
} from './import-graph.js';

/**
 * The design's import rules, read from the code itself. ARCHITECTURE.md's "may import" column is the rule for each
 * part of src/: this test fails when the code imports something the column does not say, or the column says something
 * the code no longer imports (so the document stays true both ways).
 */

const imports = srcImports();
const graph = areaGraph(imports, areasOf());

/** Area → what ARCHITECTURE.md's "What each folder owns" table says it may import. */
function documentedGraph(): Map<string, string[]> {
  const doc = readFileSync('ARCHITECTURE.md', 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const where = /^`src\/([^`/]+?)(?:\.ts|\/)`$/.exec(cells[1] ?? '');
    if (!where?.[1] || cells.length < 5) continue;
    const mayImport = cells[3] ?? '';
    rows.set(
      where[1],
      mayImport === ''
        ? []
        : mayImport
            .split(',')
            .map((a) => a.trim())
            .sort(),
    );
  }
  return new Map([...rows].sort(([a], [b]) => a.localeCompare(b)));
}

const SDK = /^(botbuilder.*|botframework-.*|@microsoft\/.*|restify|@azure\/.*|adaptivecards.*)$/;
/** The only files that may name a Teams, HTTP, storage or card-rendering SDK. */
const SDK_HOMES = [/^src\/teams\//, /^src\/storage\//, /^src\/server\.ts$/, /^src\/cards\/render-card\.ts$/];
/** What a pure decision may not reach, directly or through what it imports. */
const NOT_FOR_DOMAIN = [
  /\/(store|handlers|cards|jobs)\//,
  /^src\/(storage|teams|compose)\//,
  /^src\/(app|main|server|config|logger)\.ts$/,
];

/**
 * Type-only imports a domain file makes of another layer, known and left to the reports work (its layout is theirs):
 * the period's input types live in `store/period-inputs.ts`, the report variant in the card builder.
 */
const KNOWN_DOMAIN_TYPE_IMPORTS = new Set([
  'src/reports/store/period-inputs.ts',
  'src/reports/cards/board-report-card.ts',
]);

const importsFrom = (test: (file: string) => boolean): SrcImport[] => imports.filter((i) => test(i.from));
const describeImport = (i: SrcImport): string => `${i.from} → ${i.to}`;

describe('import boundaries', () => {
  it("every part of src/ imports exactly what ARCHITECTURE.md's 'may import' column says", () => {
    expect(Object.fromEntries(documentedGraph())).toEqual(Object.fromEntries(graph));
  });

  it('there is no cycle between parts of src/', () => {
    expect(areaCycles(graph)).toEqual([]);
  });

  it('only src/teams/, src/storage/, src/server.ts and the card renderer name an SDK package', () => {
    const strays = imports
      .filter((i) => i.kind === 'package' && SDK.test(i.to) && !SDK_HOMES.some((home) => home.test(i.from)))
      .map(describeImport);
    expect(strays).toEqual([]);
  });

  it('features use the seam in src/bot/, never src/teams/ (only the composition root and the HTTP edge)', () => {
    const strays = imports
      .filter((i) => i.kind === 'src' && i.to.startsWith('src/teams/') && !i.from.startsWith('src/teams/'))
      .filter((i) => i.from !== 'src/app.ts' && i.from !== 'src/server.ts')
      .map(describeImport);
    expect(strays).toEqual([]);
  });

  it('domain files are pure: they name no package, store, card or handler, and load nothing that does I/O', () => {
    const domainFiles = filesUnder('src').filter((f) => f.includes('/domain/'));
    expect(domainFiles.length).toBeGreaterThan(20);
    const strays = domainFiles.flatMap((file) =>
      [...reachableFrom(file)]
        .filter((to) => SDK.test(to) || NOT_FOR_DOMAIN.some((rule) => rule.test(to)))
        .map((to) => `${file} ⇒ ${to}`),
    );
    expect(strays).toEqual([]);
    const direct = importsFrom((f) => f.includes('/domain/'))
      .filter((i) => i.kind === 'package' || NOT_FOR_DOMAIN.some((rule) => rule.test(i.to)))
      .filter((i) => !(i.typeOnly && KNOWN_DOMAIN_TYPE_IMPORTS.has(i.to)));
    expect(direct.map(describeImport)).toEqual([]);
  });

  it('card builders and stores stay in their layer', () => {
    const cardStrays = importsFrom((f) => /\/cards\//.test(f)).filter((i) => /\/(store|handlers|jobs)\//.test(i.to));
    const storeStrays = importsFrom((f) => /\/store\//.test(f)).filter((i) => /\/(handlers|cards|jobs)\//.test(i.to));
    expect([...cardStrays, ...storeStrays].map(describeImport)).toEqual([]);
  });

  it('every feature folder has the one layout: register-<feature>.ts and only the usual sub-folders', () => {
    const features = [
      'champions',
      'digests',
      'trust-lists',
      'installations',
      'lifecycle',
      'pir',
      'ppi-team',
      'records',
      'help',
    ];
    const usual = new Set(['domain', 'store', 'cards', 'handlers', 'jobs']);
    for (const feature of features) {
      const files = filesUnder(`src/${feature}`).map((f) => f.slice(`src/${feature}/`.length));
      const folders = new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]));
      expect(
        [...folders].filter((f) => f !== undefined && !usual.has(f)),
        feature,
      ).toEqual([]);
      if (feature !== 'installations') expect(files, feature).toContain(`register-${feature}.ts`);
    }
  });

  it('every message the bot sends on its own goes through the delivery engine: only its handlers call the Messenger', () => {
    // The engine (src/delivery/), the features' delivery handlers (jobs/), the seam itself (src/bot/messenger.ts:
    // its card-preparing decorator) and the Teams implementation of the seam.
    const allowed = [/^src\/delivery\//, /^src\/[^/]+\/jobs\//, /^src\/bot\/messenger\.ts$/, /^src\/teams\//];
    const callers = filesUnder('src')
      .filter((file) => /\bmessenger\.(send|update|createPersonalConversation)\(/.test(readFileSync(file, 'utf8')))
      .filter((file) => !allowed.some((rule) => rule.test(file)));
    expect(callers).toEqual([]);
  });

  it('the fast unit tests (npm run test:unit) load no Azurite, no bot harness, no HTTP and no Teams or Azure SDK', () => {
    const patterns = UNIT_TESTS.map(globToRegExp);
    const unitTests = filesUnder('test')
      .filter((f) => patterns.some((p) => p.test(f)))
      .filter((f) => !NOT_UNIT.includes(f));
    expect(unitTests.length).toBeGreaterThan(15);
    const slow = /(bot-harness|azurite|fake-connector|running-bot|engine-fixture)\.ts$|^src\/(storage|teams)\//;
    const io = /^(botbuilder.*|@microsoft\/.*|restify|@azure\/.*)$/;
    const strays = unitTests.flatMap((file) =>
      [...reachableFrom(file)].filter((to) => slow.test(to) || io.test(to)).map((to) => `${file} ⇒ ${to}`),
    );
    expect(strays).toEqual([]);
  });
});
