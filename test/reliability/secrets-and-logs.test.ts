import { afterEach, describe, expect, it } from 'vitest';
import { ProcessGroup } from '../../scripts/local/managed-process.js';
import { freePort } from '../../scripts/local/ports.js';
import { startBot } from '../../scripts/local/start-processes.js';
import { ChampionVerb } from '../../src/champions/champions-verbs.js';
import { createLogger } from '../../src/logger.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import { BotHarness } from '../helpers/bot-harness.js';
import { people } from '../helpers/people.js';
import { stepAnswers, stepOrder } from '../pir/pir-fixtures.js';
import { actionData } from '../pir/pir-helpers.js';

const MARKER = 'Zebra-crossing-marker-text';
const groups: ProcessGroup[] = [];
afterEach(async () => {
  await Promise.all(groups.splice(0).map((g) => g.stopAll()));
});

describe('logs hold no secrets and no free-text answers', () => {
  it('a whole journey at debug level never logs what people typed', async () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', format: 'json' }, { write: (line: string) => void lines.push(line) });
    const h = await BotHarness.start({ now: new Date('2027-01-04T10:00:00Z'), log });
    let card = (await h.say(people.lead, 'new request')).cards[0];
    for (const step of stepOrder) {
      const answers = { ...stepAnswers[step], ...(step === 'basics' ? { title: `${MARKER} title` } : {}) };
      card = (await h.click(people.lead, PirVerb.next, { ...actionData(card, PirVerb.next), ...answers })).card;
    }
    await h.click(people.lead, PirVerb.submit, actionData(card, PirVerb.submit));
    await h.say(people.lead, `${MARKER} unknown command`);
    await h.say(people.champion, "I'm a champion for Finance");
    await h.say(people.champion, 'nudge me now');
    const champion = (await h.bot.stores.champions.get(people.champion.id))?.value;
    await h.click(people.champion, ChampionVerb.nothing, {
      championId: people.champion.id,
      cycle: champion?.cycle?.dueAt,
      whyNot: MARKER,
    });
    const form = (await h.say(people.lead, 'you said we did')).cards[0];
    await h.click(people.lead, RecordVerb.save, {
      ...actionData(form, RecordVerb.save),
      directorate: 'finance',
      youSaid: MARKER,
      outcome: 'we-did',
      weDid: MARKER,
      status: 'done',
      date: '2027-01-03',
    });
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('\n')).not.toContain(MARKER);
  });

  it('the real process logs neither the app password nor the job secret, at start-up or on job calls', {
    timeout: 90_000,
  }, async () => {
    const password = 'app-password-that-must-never-be-logged';
    const secret = 'jobs-secret-that-must-never-be-logged';
    const lines: string[] = [];
    const group = new ProcessGroup();
    groups.push(group);
    const bot = await startBot(group, {
      port: await freePort(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        STORAGE_CONNECTION_STRING: azuriteConnectionString(),
        TABLE_PREFIX: uniquePrefix(),
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: password,
        MicrosoftAppType: 'MultiTenant',
        ALLOWED_TENANT_IDS: '00000000-0000-0000-0000-0000000000aa',
        JOBS_SECRET: secret,
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
        SCHEDULER_ENABLED: 'false',
      },
      onLine: (line) => lines.push(line),
    });
    for (const given of [undefined, `${secret}-wrong`, secret]) {
      await fetch(`${bot.url}/api/jobs/nudges`, {
        method: 'POST',
        headers: given ? { 'x-jobs-secret': given } : {},
      });
    }
    const unauthenticated = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        type: 'message',
        text: MARKER,
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        from: { id: '29:1', aadObjectId: 'aad-1' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:1' },
      }),
    });
    expect(unauthenticated.status).toBe(401);
    await group.stopAll();
    const all = lines.join('\n');
    expect(all).toContain('job trigger refused');
    expect(all).not.toContain(password);
    expect(all).not.toContain(secret);
    expect(all).not.toContain(MARKER);
  });
});
