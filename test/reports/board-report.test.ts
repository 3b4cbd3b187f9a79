import { afterEach, describe, expect, it } from 'vitest';
import { buildBoardReportCard } from '../../src/reports/board-report-card.js';
import { csvCell, toBoardReportCsv } from '../../src/reports/board-report-csv.js';
import { buildBoardReport } from '../../src/reports/build-board-report.js';
import { managersChannel, ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { validateCard } from '../helpers/card-validation.js';
import { people } from '../helpers/people.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';
import { novemberInputs, pir, Q4, yswd } from './report-fixtures.js';

const q4 = () => ({
  ...novemberInputs(),
  period: Q4,
  pirs: [
    ...novemberInputs().pirs,
    pir('PIR-2026-0005', '2026-12-01T10:00:00.000Z', 'informing', {
      answers: { title: 'Rota', directorate: 'finance', rung: 'informing', notOpenToInfluence: 'Statutory change' },
    }),
  ],
  champions: [
    ...novemberInputs().champions,
    { directorate: 'it', active: true, nothingToReport: { at: '2026-12-02T10:00:00.000Z', whyNot: 'Year-end freeze' } },
  ],
});

describe('quarterly Board report (pure, fixture data)', () => {
  it('computes requests by status, directorate and rung, no-involvement reasons, and the rest', () => {
    const r = buildBoardReport(q4());
    expect(r.pirsReceived).toBe(5);
    expect(r.byStatus).toEqual([
      { label: 'Submitted – awaiting PPI team assessment', count: 3 },
      { label: 'Accepted', count: 1 },
      { label: 'Declined', count: 1 },
    ]);
    expect(r.byDirectorate).toEqual([
      { label: 'Finance', count: 4 },
      { label: 'IT', count: 1 },
    ]);
    expect(r.rungs).toEqual([
      { rung: 'Informing', planned: 2, expected: 0 },
      { rung: 'Consultation', planned: 1, expected: 0 },
      { rung: 'Engagement', planned: 0, expected: 1 },
      { rung: 'Co-design', planned: 2, expected: 0 },
      { rung: 'Co-production', planned: 0, expected: 1 },
    ]);
    expect(r.noInvolvement).toEqual([
      { reference: 'PIR-2026-0001', title: 'Project PIR-2026-0001', reason: 'No reason given' },
      { reference: 'PIR-2026-0005', title: 'Rota', reason: 'Statutory change' },
    ]);
    expect(r.nothingToReport).toEqual([{ directorate: 'IT', reason: 'Year-end freeze' }]);
    expect(r.peopleReached).toBe(71);
    expect(r.feedback).toEqual({ surveys: 2, responses: 40, valued: 8.8, impact: 6.8 });
    expect(r.approvedItems).toBe(3);
    expect(r.highlights[0]?.youSaid).toBe('Said y2');
    expect(r.champions).toEqual({ active: 4, answered: 1 });
    const card = buildBoardReportCard(r, 'footer');
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('2 planned · 0 expected');
  });

  it('exports every record of the quarter as CSV, quoted and safe from spreadsheet formulas', () => {
    const inputs = {
      ...q4(),
      yswd: [yswd('y9', '2026-11-02', true, {}, { youSaid: '=HYPERLINK("x")', weDid: 'Line one\nline "two", three' })],
    };
    const csv = toBoardReportCsv(inputs);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'record,date,directorate,reference_or_project,category_or_status,people_or_forms,valued_avg,impact_avg,you_said,outcome,we_said_we_did,signed_off',
    );
    expect(csv).toContain(
      `you said we did,2026-11-02,Finance,,done,,,,"'=HYPERLINK(""x"")","We did: Line one\nline ""two"", three",false,true`,
    );
    expect(lines.filter((l) => l.startsWith('involvement request'))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('engagement,'))).toHaveLength(4);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(12)).toBe('12');
  });
});

describe('report command', () => {
  it('is for the PPI team, reads the quarter, and explains a bad one', async () => {
    const h = await BotHarness.start({ now: new Date('2026-11-23T10:00:00Z') });
    expect((await h.say(people.manager, 'report 2026-Q3', managersChannel)).texts[0]).toContain(
      'only members of the PPI team',
    );
    expect((await h.say(people.admin, 'report last year', ppiChannel)).texts[0]).toContain(
      "isn't a quarter I recognise",
    );
    await h.bot.stores.records.create(yswd('a1b2c3d4-0009', '2026-08-20', true));
    const report = await h.say(people.admin, 'report 2026-Q3', ppiChannel);
    const text = cardText(report.cards[0]);
    expect(text).toContain('Q3 2026 (July to September)');
    expect(text).toContain('Said a1b2c3d4-0009');
    expect(JSON.stringify(report.cards[0])).toContain('/api/exports/board-report?t=');
  });
});

describe('CSV download link', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
  });

  it('downloads for the PPI member it was issued to, and refuses once they leave the team', async () => {
    running = await startRunningBot({ EXPORT_SIGNING_KEY: 'k'.repeat(40), PUBLIC_BASE_URL: 'http://127.0.0.1:1' });
    await running.bot.stores.records.create(yswd('a1b2c3d4-0010', '2026-08-20', true));
    const forAdmin = new URL(running.bot.downloads.linkFor('board-report', '2026-Q3', people.admin.id)?.url ?? '');
    const ok = await fetch(`${running.url}${forAdmin.pathname}${forAdmin.search}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain('ppi-board-report-2026-Q3.csv');
    expect(await ok.text()).toContain('Said a1b2c3d4-0010');
    const forLead = new URL(running.bot.downloads.linkFor('board-report', '2026-Q3', people.lead.id)?.url ?? '');
    expect((await fetch(`${running.url}${forLead.pathname}${forLead.search}`)).status).toBe(403);
  });
});
