import { afterEach, describe, expect, it } from 'vitest';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { NUDGE_JOB } from '../../src/champions/domain/nudge-work.js';
import { csvCell, toBoardReportCsv } from '../../src/reports/csv/board-report-csv.js';
import { REPORT_EXPORTS } from '../../src/reports/handlers/report-exports.js';
import { managersChannel, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';
import { q3Inputs } from './q3-fixture.js';
import { yswd } from './report-fixtures.js';
import { seedQ3 } from './seed-stores.js';

const BOM = '\uFEFF';

function openUrls(card: unknown): { title: string; url: string }[] {
  const actions = (card as { actions?: { type: string; title: string; url: string }[] }).actions ?? [];
  return actions.filter((a) => a.type === 'Action.OpenUrl').map(({ title, url }) => ({ title, url }));
}

describe('the records as CSV, for Excel on Windows', () => {
  it('is UTF-8 with a byte-order mark, CRLF, a header that explains itself, one row per record', () => {
    const csv = toBoardReportCsv(q3Inputs());
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(lines[0]).toBe(
      'Record type,Date (YYYY-MM-DD),Directorate or clinical management group,Patient Involvement Request reference,' +
        '"Project, activity or event","Category, status or answer",Ladder of engagement rung,Number of people,' +
        'Same event as engagement record (id),Feedback forms returned,' +
        '"Felt valued by the project lead, average score (1 to 10)",' +
        '"Expect their participation to have an impact, average score (1 to 10)",' +
        'Could express all their views: yes,Could express all their views: no,Would take part again: yes,' +
        'Would take part again: no,"What people said, what patients shaped, or why not",' +
        '"What we did, or why it could not change","We said, we did (decided jointly with patients)",' +
        'Signed off by the PPI team,"Participants told what happened (how, and when)",Record id',
    );
    const count = (type: string) => lines.filter((l) => l.startsWith(`${csvCell(type)},`)).length;
    // 4 requests received, 4 engagement records, 3 champion logs, 6 check-ins due, 3 feedback results, 5 items.
    expect([
      count('Patient Involvement Request'),
      count('Engagement record'),
      count('Champion: logged involvement'),
      count('Champion: check-in'),
      count('Feedback survey results'),
      count('You said, we did'),
    ]).toEqual([4, 4, 3, 6, 3, 5]);
    expect(lines.length - 2).toBe(25);
    expect(lines).toContain(
      'Champion: logged involvement,2026-11-01,Finance,,discharge  LOUNGE,,Co-design,15,e1,,,,,,,,Wording,,,,,i1',
    );
    expect(lines).toContain(
      'Champion: check-in,2026-11-09,Finance,,,Answered: work went ahead without patients (why not?),,,,,,,,,,,Budget setting only,,,,,',
    );
    expect(lines).toContain(
      'Patient Involvement Request,2026-10-01,Estates and Facilities (retired),PIR-2026-0104,Car park,Submitted – awaiting PPI team assessment,planned: Consultation,,,,,,,,,,,,,,,PIR-2026-0104',
    );
  });

  it('says whether participants were told what happened, how and when, on items and engagement records', () => {
    const told = { participantsTold: true, toldHow: 'At the group’s December meeting', toldOn: '2026-12-02' };
    const inputs = {
      ...q3Inputs(),
      yswd: [yswd('y7', '2026-11-02', true, {}, told), yswd('y8', '2026-11-03', true, {}, { participantsTold: false })],
    };
    const lines = toBoardReportCsv(inputs).split('\r\n');
    const rowOf = (id: string) => lines.find((l) => l.endsWith(`,${id}`)) ?? '';
    expect(rowOf('y7').endsWith(',Yes,Yes: At the group’s December meeting (2026-12-02),y7')).toBe(true);
    expect(rowOf('y8').endsWith(',Yes,No,y8')).toBe(true);
  });

  it('quotes per RFC 4180 and stops spreadsheet formulas', () => {
    const inputs = {
      ...q3Inputs(),
      yswd: [yswd('y9', '2026-11-02', true, {}, { youSaid: '=HYPERLINK("x")', weDid: 'Line one\nline "two", three' })],
    };
    expect(toBoardReportCsv(inputs)).toContain(
      `"You said, we did",2026-11-02,Finance,,,Done,,,,,,,,,,,"'=HYPERLINK(""x"")","We did: Line one\nline ""two"", three",No,Yes,,y9`,
    );
    for (const [input, out] of [
      ['-1', "'-1"],
      ['+44', "'+44"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tx', "'\tx"],
      ['＝1+1', "'＝1+1"],
      [12, '12'],
      [true, 'Yes'],
      ['plain', 'plain'],
    ] as const) {
      expect(csvCell(input)).toBe(out);
    }
  });
});

describe('report command', () => {
  it('is for the PPI team, reads financial quarters, and explains a bad one', async () => {
    const h = await BotHarness.start({ now: new Date('2027-01-05T10:00:00Z') });
    expect((await h.say(people.manager, 'report Q3 2026/27', managersChannel)).texts).toEqual([refusal.ppiTeam]);
    expect((await h.say(people.admin, 'report last year', ppiChannel)).texts[0]).toContain(
      "isn't a quarter I recognise. Please use one of: report (the last complete quarter)",
    );
    await seedQ3(h.bot.stores);
    for (const text of ['report', 'report Q3', 'report Q3 2026/27', 'report 2026/27 Q3', 'board report q3 2026-27']) {
      const reply = await h.say(people.admin, text);
      const card = reply.cards[0];
      expect(validateCard(card), text).toEqual([]);
      const shown = cardText(card);
      expect(shown, text).toContain('Q3 2026/27: October to December 2026');
      expect(shown, text).toContain('People reached: 74');
      expect(shown, text).toContain('3 of 4 asked (75%)');
    }
  });

  it('offers the paper, the PIPEAC report and the CSV only in a 1:1 chat', async () => {
    const h = await BotHarness.start({ now: new Date('2027-01-05T10:00:00Z') });
    await seedQ3(h.bot.stores);
    const personal = (await h.say(people.admin, 'report Q3 2026/27')).cards[0];
    expect(openUrls(personal).map((a) => a.title)).toEqual([
      'Open the Board paper',
      'Open the PIPEAC report',
      'Download the records (CSV)',
    ]);
    expect(openUrls(personal).map((a) => new URL(a.url).pathname)).toEqual([
      `/api/exports/${REPORT_EXPORTS.paper}`,
      `/api/exports/${REPORT_EXPORTS.committee}`,
      `/api/exports/${REPORT_EXPORTS.csv}`,
    ]);
    const channel = (await h.say(people.admin, 'report Q3 2026/27', ppiChannel)).cards[0];
    expect(openUrls(channel)).toEqual([]);
    expect(JSON.stringify(channel)).not.toContain('/api/exports/');
    expect(cardText(channel)).toContain('send me **report Q3 2026/27** in our 1:1 chat');
    const committee = (await h.say(people.admin, 'report Q3 2026/27 for PIPEAC')).cards[0];
    expect(validateCard(committee)).toEqual([]);
    expect(cardText(committee)).toContain('PIPEAC · Patient Involvement and Patient Experience Assurance Committee');
    expect(openUrls(committee)[0]?.title).toBe('Open the PIPEAC report');
  });

  it('reads the older 2026-Q3 form as July to September 2026 and says so', async () => {
    const h = await BotHarness.start({ now: new Date('2027-01-05T10:00:00Z') });
    await h.bot.stores.records.create(yswd('a1b2c3d4-0009', '2026-08-20', true));
    const text = cardText((await h.say(people.admin, 'report 2026-Q3', ppiChannel)).cards[0]);
    expect(text).toContain('Q2 2026/27: July to September 2026');
    expect(text).toContain('which the NHS financial year calls Q2 2026/27');
    expect(text).toContain('“You said, we did” signed off\n1');
  });

  it('numbers quarters by calendar year when REPORT_QUARTERS=calendar', async () => {
    const h = await BotHarness.start({ now: new Date('2027-01-05T10:00:00Z'), env: { REPORT_QUARTERS: 'calendar' } });
    await seedQ3(h.bot.stores);
    const text = cardText((await h.say(people.admin, 'report Q4 2026', ppiChannel)).cards[0]);
    expect(text).toContain('Q4 2026: October to December 2026');
    expect(text).toContain('People reached: 74');
    expect((await h.say(people.admin, 'report Q1', ppiChannel)).cards[0]).toBeDefined();
  });

  it('keeps both reasons when a champion answers two check-ins of a quarter "nothing to report"', async () => {
    const h = await BotHarness.start({ now: new Date('2026-11-23T10:00:00Z') });
    await h.say(people.champion, "I'm a champion for Finance");
    h.clock = new Date('2027-01-04T10:00:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const first = { championId: people.champion.id, cycle: '2027-01-04T09:30:00.000Z' };
    await h.click(people.champion, ChampionVerb.nothing, { ...first, whyNot: 'Budget work only.' });
    h.clock = new Date('2027-02-15T10:00:00Z');
    await h.bot.scheduler.runOnce(NUDGE_JOB);
    const second = { championId: people.champion.id, cycle: '2027-02-15T09:30:00.000Z' };
    await h.click(people.champion, ChampionVerb.nothing, { ...second, whyNot: 'Year-end freeze.' });
    const stored = await h.bot.stores.champions.get(people.champion.id);
    expect(stored?.value.pastCycles?.map((c) => c.whyNot)).toEqual(['Budget work only.']);
    h.clock = new Date('2027-04-06T10:00:00Z');
    const card = (await h.say(people.admin, 'report Q4 2026/27')).cards[0];
    expect(cardText(card)).toContain('1 of 1 asked (100%)');
    expect(cardText(card)).toContain('2 of 2 due');
    expect(cardText(card)).toContain('2 reasons given');
  });
});

describe('report downloads (the real HTTP endpoint)', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
  });

  const get = async (name: string, by: string, subject = '2026-Q4') => {
    const link = new URL(running?.bot.downloads.linkFor(name, subject, by)?.url ?? '');
    return fetch(`${running?.url}${link.pathname}${link.search}`);
  };

  it('serves the Board paper as a self-contained page under a strict policy, and the CSV with its BOM', async () => {
    running = await startRunningBot({ EXPORT_SIGNING_KEY: 'k'.repeat(40), PUBLIC_BASE_URL: 'http://127.0.0.1:1' });
    await seedQ3(running.bot.stores);
    const paper = await get(REPORT_EXPORTS.paper, people.admin.id);
    expect(paper.status).toBe(200);
    expect(paper.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(paper.headers.get('x-content-type-options')).toBe('nosniff');
    expect(paper.headers.get('referrer-policy')).toBe('no-referrer');
    expect(paper.headers.get('content-disposition')).toBe('inline; filename="ppi-Q3-2026-27-board-paper.html"');
    const policy = paper.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    const html = await paper.text();
    expect(html).toContain('<h1>Patient and Public Involvement: quarterly update</h1>');
    expect(html).toContain('Clinic hours &lt;review&gt;');
    expect(html).not.toContain('<review>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const committee = await get(REPORT_EXPORTS.committee, people.admin.id);
    expect(await committee.text()).toContain('Co-designed the &lt;b&gt;menu&lt;/b&gt; card.');
    const csv = await get(REPORT_EXPORTS.csv, people.admin.id);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ppi-Q3-2026-27-records.csv"');
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('refuses a link issued to someone not on the PPI team, and a subject that is not a quarter', async () => {
    running = await startRunningBot({ EXPORT_SIGNING_KEY: 'k'.repeat(40), PUBLIC_BASE_URL: 'http://127.0.0.1:1' });
    for (const name of Object.values(REPORT_EXPORTS)) {
      const refused = await get(name, people.lead.id);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
    expect((await get(REPORT_EXPORTS.paper, people.admin.id, '../../etc')).status).toBe(403);
  });
});
