import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';

const activity = {
  type: 'message',
  id: 'auth-1',
  text: 'help',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  conversation: { id: 'a:1' },
  from: { id: '29:1', aadObjectId: 'x' },
  recipient: { id: '28:bot' },
};

describe('authentication with bot credentials configured', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startRunningBot({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
    });
  });
  afterAll(() => running.stop());

  it('rejects a request with no token (401) and handles nothing', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(401);
  });

  const forged = (iss: string) => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'forged' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ iss, aud: '11111111-2222-3333-4444-555555555555', exp: 9999999999 }),
    ).toString('base64url');
    return `Bearer ${header}.${payload}.c2lnbmF0dXJl`;
  };
  const post = (authorization: string, id: string) =>
    fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ ...activity, id }),
    });

  it('rejects a forged token from a foreign issuer (401)', async () => {
    expect((await post(forged('https://sts.evil.example/'), 'auth-2')).status).toBe(401);
  });

  it('refuses a token claiming the Bot Framework issuer whose signature cannot be verified', async () => {
    // Offline, the signing keys cannot be fetched, so verification fails closed (401 or 500, never handled).
    const res = await post(forged('https://api.botframework.com'), 'auth-3');
    expect(res.status).toBeGreaterThanOrEqual(401);
    expect(await running.bot.stores.ledger.firstSeen('a:1', 'auth-3', new Date())).toBe(true);
  });

  it('keeps no record of the refused activities', async () => {
    const seen = await running.bot.stores.ledger.firstSeen('a:1', 'auth-1', new Date());
    expect(seen).toBe(true);
  });
});
