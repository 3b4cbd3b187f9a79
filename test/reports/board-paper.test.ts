import { describe, expect, it } from 'vitest';
import { htmlSecurityPolicy, styleHashes } from '../../src/exports/downloads.js';
import { buildBoardReport } from '../../src/reports/domain/build-board-report.js';
import { describeChart } from '../../src/reports/paper/charts.js';
import { COLOUR_PAIRS, contrast, PALETTE } from '../../src/reports/paper/palette.js';
import { BOARD_SECTIONS, renderBoardPaper } from '../../src/reports/paper/render-board-paper.js';
import { COMMITTEE_SECTIONS, renderCommitteeReport } from '../../src/reports/paper/render-committee-report.js';
import { PAPER_CSS } from '../../src/reports/paper/styles.js';
import { q3Inputs } from './q3-fixture.js';
import { Q3_2026_27, yswd } from './report-fixtures.js';

const AFTER = new Date('2027-01-05T10:00:00Z');
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>" onmouseover="x';

function hostileInputs() {
  const inputs = q3Inputs();
  return {
    ...inputs,
    yswd: [...inputs.yswd, yswd('evil', '2026-12-03', true, {}, { youSaid: HOSTILE, weDid: `</li></ul>${HOSTILE}` })],
    champions: inputs.champions.map((c) => ({
      ...c,
      checkIns: c.checkIns.map((k) => (k.whyNot ? { ...k, whyNot: HOSTILE } : k)),
    })),
  };
}

const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));

describe('the Board paper (pure renderer)', () => {
  const html = renderBoardPaper(buildBoardReport(hostileInputs(), Q3_2026_27, AFTER));

  it('is one self-contained page: no scripts, no external resources, one stylesheet allowed by its hash', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|@import|url\(/i);
    expect(html.match(/https?:\/\/[^"\s<]+/g) ?? []).toEqual(
      Array(html.match(/<svg /g)?.length ?? 0).fill('http://www.w3.org/2000/svg'),
    );
    expect(html).not.toMatch(/\sstyle="/);
    expect(styleHashes(html)).toHaveLength(1);
    expect(htmlSecurityPolicy(html)).toContain(styleHashes(html)[0]);
  });

  it('escapes every value a person typed', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('onerror=alert(2)>');
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot; onmouseover=&quot;x',
    );
  });

  it('has a cover, then the sections in order, with headings that never skip a level', () => {
    const levels = headingLevels(html);
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    const h2 = [...html.matchAll(/<h2 id="([a-z]+)">([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]?.replace(/&#39;/g, "'")]);
    expect(h2).toEqual(BOARD_SECTIONS.map(([id, heading]) => [id, heading]));
  });

  it('draws every chart as an image with a title, a description and a data table', () => {
    const svgs = [...html.matchAll(/<svg [^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) {
      const labelled = /role="img" aria-labelledby="([\w-]+) ([\w-]+)"/.exec(svg);
      expect(labelled).not.toBeNull();
      expect(svg).toContain(`<title id="${labelled?.[1]}">`);
      expect(svg).toContain(`<desc id="${labelled?.[2]}">`);
    }
    expect(html.match(/<\/svg><table>/g)).toHaveLength(4);
    expect(html).toContain(
      '<desc id="rungs-desc">Planned: Informing 1, Consultation 2, Engagement 0, Co-design 1, Co-production 0. Expected: Informing 1, Consultation 0, Engagement 1, Co-design 1, Co-production 1. Reached: Informing 1, Consultation 0, Engagement 0, Co-design 1, Co-production 0 (requests).</desc>',
    );
    expect(describeChart({ id: 'x', title: 'Empty', categories: [], series: [], unit: 'people' })).toBe(
      'Empty: nothing recorded this quarter.',
    );
  });

  it('uses only palette colours, every text pairing at 4.5:1 or more', () => {
    const used = new Set(PAPER_CSS.match(/#[0-9a-f]{6}/gi)?.map((c) => c.toLowerCase()));
    const palette = new Set<string>(Object.values(PALETTE));
    expect([...used].filter((c) => !palette.has(c))).toEqual([]);
    for (const [fg, bg] of COLOUR_PAIRS) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('states what is not recorded yet instead of leaving a gap', () => {
    expect(html).toContain('Whether participants were told the outcome is not recorded yet.');
    const unrecorded = buildBoardReport(
      { ...q3Inputs(), closeOuts: { recorded: false, items: [] } },
      Q3_2026_27,
      AFTER,
    );
    expect(renderBoardPaper(unrecorded)).toContain('Close-outs are not recorded yet');
  });

  it('shows the projects closed out, their rungs planned and reached, and their reflections (escaped)', () => {
    expect(html).toContain(
      '2 projects closed out this quarter: 1 reached the top three rungs, participants were told the outcome in 1, and the Patient Partners evaluated 1.',
    );
    expect(html).toContain(
      '<caption>Projects closed out this quarter: the rung planned and the rung reached</caption>',
    );
    expect(html).toContain(
      '<tr><th scope="row">PIR-2026-0090</th><td>Project PIR-2026-0090</td><td>Finance</td><td>Co-design</td><td>Co-design</td><td>yes</td></tr>',
    );
    expect(html).toContain('<td>Patients ran the &lt;sessions&gt;</td><td>Start sooner</td>');
  });
});

describe('the PIPEAC committee report', () => {
  const html = renderCommitteeReport(buildBoardReport(hostileInputs(), Q3_2026_27, AFTER));

  it('puts successes ("We said, we did" first), then learning, then the Appendix 4 results', () => {
    const h2 = [...html.matchAll(/<h2 id="([a-z]+)">/g)].map((m) => m[1]);
    expect(h2).toEqual(COMMITTEE_SECTIONS.map(([id]) => id));
    const joint = html.indexOf('We said, we did: decided together with patients.');
    expect(joint).toBeGreaterThan(html.indexOf('id="successes"'));
    expect(joint).toBeLessThan(html.indexOf('“You said, we did”: what changed'));
    expect(html).toContain('People want clearer signs.');
    expect(html).not.toContain('<script>alert');
    const levels = headingLevels(html);
    for (let i = 1; i < levels.length; i++) expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
  });
});
