import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BOT_FRAMEWORK_ISSUER,
  ENTRA_BOT_FRAMEWORK_ISSUER,
  FakeBotFrameworkKeys,
  SigningKey,
} from '../helpers/fake-bot-framework-keys.js';
import { allowLoopbackOnly, type LoopbackGuard } from '../helpers/loopback-only.js';
import { type RunningBot, startRunningBot } from '../helpers/running-bot.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '66666666-7777-8888-9999-000000000000';
/** What Teams puts in `serviceUrl`; the token's `serviceurl` claim must match it. Never called: replies come back in the response. */
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const CONVERSATION_ID = 'a:auth-personal';

const singleTenant = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT_ID,
};
const registrations: { kind: string; env: Record<string, string> }[] = [
  { kind: 'SingleTenant', env: singleTenant },
  {
    kind: 'MultiTenant',
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
      ALLOWED_TENANT_IDS: TENANT_ID,
    },
  },
  {
    kind: 'UserAssignedMSI',
    env: { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID },
  },
];

/** A `help` message in a 1:1 chat. `expectReplies` makes the adapter hand the reply back in the HTTP response. */
function helpMessage(id: string, channelId = 'msteams') {
  return {
    type: 'message',
    id,
    text: 'help',
    channelId,
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    conversation: { id: CONVERSATION_ID, conversationType: 'personal', tenantId: TENANT_ID },
    from: { id: '29:auth-lead', aadObjectId: 'aad-auth-lead' },
    recipient: { id: `28:${APP_ID}` },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

const seconds = () => Math.floor(Date.now() / 1000);
/** What Bot Framework puts in the tokens it sends with Teams' activities, valid for an hour from a minute ago. */
const channelClaims = (overrides: Record<string, unknown> = {}) => ({
  iss: BOT_FRAMEWORK_ISSUER,
  aud: APP_ID,
  serviceurl: SERVICE_URL,
  nbf: seconds() - 60,
  exp: seconds() + 3600,
  ...overrides,
});
/** An Entra v1 access token whose `appid` is `appId` (botbuilder's Emulator and skills path). */
const entraClaims = (appId: string) => ({
  iss: ENTRA_BOT_FRAMEWORK_ISSUER,
  aud: APP_ID,
  appid: appId,
  ver: '1.0',
  nbf: seconds() - 60,
  exp: seconds() + 3600,
});

/** Generated in the test, never published: its signatures must not verify, whatever kid they claim. */
const impostorKey = new SigningKey('channel-key', ['msteams']);

/** Refused tokens: the `Authorization` header for each, or undefined for none. Beyond botbuilder's five-minute clock tolerance. */
const refusals: { name: string; authorization: (keys: FakeBotFrameworkKeys) => string | undefined }[] = [
  { name: 'no token', authorization: () => undefined },
  {
    name: 'a signature from another key under the published kid',
    authorization: () => `Bearer ${impostorKey.sign(channelClaims())}`,
  },
  { name: 'an unknown kid', authorization: () => `Bearer ${impostorKey.sign(channelClaims(), 'unpublished-key')}` },
  {
    name: 'another app id as audience',
    authorization: (keys) =>
      `Bearer ${keys.channelKey.sign(channelClaims({ aud: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' }))}`,
  },
  {
    name: 'an issuer other than Bot Framework',
    authorization: (keys) => `Bearer ${keys.channelKey.sign(channelClaims({ iss: 'https://sts.evil.example/' }))}`,
  },
  {
    name: 'an expired token (ten minutes ago)',
    authorization: (keys) =>
      `Bearer ${keys.channelKey.sign(channelClaims({ nbf: seconds() - 4200, exp: seconds() - 600 }))}`,
  },
  {
    name: 'a token not valid for ten minutes yet',
    authorization: (keys) => `Bearer ${keys.channelKey.sign(channelClaims({ nbf: seconds() + 600 }))}`,
  },
  {
    name: 'a serviceurl claim that is not the activity’s serviceUrl',
    authorization: (keys) =>
      `Bearer ${keys.channelKey.sign(channelClaims({ serviceurl: 'https://smba.evil.example/uk/' }))}`,
  },
  {
    name: 'no serviceurl claim',
    authorization: (keys) => `Bearer ${keys.channelKey.sign(channelClaims({ serviceurl: undefined }))}`,
  },
  {
    name: 'a published key not endorsed for msteams',
    authorization: (keys) => `Bearer ${keys.webchatOnlyKey.sign(channelClaims())}`,
  },
  { name: 'alg none', authorization: (keys) => `Bearer ${keys.channelKey.unsigned(channelClaims())}` },
  {
    name: 'HS256 keyed with the public key',
    authorization: (keys) => `Bearer ${keys.channelKey.signHs256WithPublicKey(channelClaims())}`,
  },
  {
    name: 'an Entra-issued token signed with the Bot Framework channel key (not in Entra’s key set)',
    authorization: (keys) => `Bearer ${keys.channelKey.sign(entraClaims(APP_ID))}`,
  },
  {
    name: 'a correctly signed Entra token from another bot (a skill call, which this bot does not accept)',
    authorization: (keys) => `Bearer ${keys.entraKey.sign(entraClaims('99999999-8888-7777-6666-555555555555'))}`,
  },
];

/** Outgoing connections off loopback are refused and recorded for the whole file; botbuilder's console noise is kept. */
let guard: LoopbackGuard;
const consoleErrors: string[] = [];
beforeAll(() => {
  guard = allowLoopbackOnly();
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(
      args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' '),
    );
  });
});
afterAll(() => {
  vi.restoreAllMocks();
  guard.release();
});

describe.each(registrations)('$kind: Bot Framework tokens checked against keys served on loopback', ({ env }) => {
  let keys: FakeBotFrameworkKeys;
  let running: RunningBot;
  let nextId = 0;
  const newId = () => `auth-${++nextId}`;

  beforeAll(async () => {
    // A key server of its own per registration: botbuilder caches keys per metadata URL for the whole process.
    keys = await FakeBotFrameworkKeys.start();
    running = await startRunningBot(env, { authentication: keys.endpoints });
  });
  afterAll(async () => {
    await running.stop();
    await keys.stop();
  });

  const post = (id: string, authorization: string | undefined, channelId?: string) =>
    fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(helpMessage(id, channelId)),
    });
  /** True when the turn guards never recorded the activity (firstSeen records it now, so ask once per id). */
  const neverHandled = (id: string) => running.bot.stores.ledger.firstSeen(CONVERSATION_ID, id, new Date());

  it('accepts a Bot Framework token signed with the published msteams key and handles the activity', async () => {
    const id = newId();
    const res = await post(id, `Bearer ${keys.channelKey.sign(channelClaims())}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities?: { type: string; attachments?: unknown[] }[] };
    expect(body.activities?.some((a) => a.type === 'message' && (a.attachments?.length ?? 0) > 0)).toBe(true);
    expect(await neverHandled(id)).toBe(false);
    expect(keys.requests).toContain(new URL(keys.endpoints.channelOpenIdMetadataUrl).pathname);
  });

  it.each(refusals)('refuses $name with 401 and handles nothing', async ({ authorization }) => {
    const id = newId();
    const res = await post(id, authorization(keys));
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('"activities"');
    expect(await neverHandled(id)).toBe(true);
  });

  it('fetched the Entra key set from loopback too (the Emulator and skills path)', () => {
    expect(keys.requests).toContain(new URL(keys.endpoints.emulatorOpenIdMetadataUrl).pathname);
  });

  it('refuses an Entra token whose appid is the bot’s own, from any tenant (botbuilder’s Emulator and skills path): only the channel issuer is accepted', async () => {
    const fromBotFramework = newId();
    expect((await post(fromBotFramework, `Bearer ${keys.entraKey.sign(entraClaims(APP_ID))}`)).status).toBe(401);
    const otherTenant = '12345678-aaaa-bbbb-cccc-123456789012';
    const fromOtherTenant = newId();
    const claims = { ...entraClaims(APP_ID), iss: `https://sts.windows.net/${otherTenant}/`, tid: otherTenant };
    expect((await post(fromOtherTenant, `Bearer ${keys.entraKey.sign(claims)}`)).status).toBe(401);
    expect(await neverHandled(fromBotFramework)).toBe(true);
    expect(await neverHandled(fromOtherTenant)).toBe(true);
  });

  it('refuses the AseChannel (whose key address botbuilder does not let us set) at the edge, before the adapter', async () => {
    const id = newId();
    const before = keys.requests.length;
    const res = await post(id, `Bearer ${keys.entraKey.sign(entraClaims(APP_ID))}`, 'AseChannel');
    expect(res.status).toBe(403);
    expect(keys.requests.length).toBe(before);
    expect(await neverHandled(id)).toBe(true);
  });
});

describe('traffic', () => {
  it('went to loopback only: no connection off loopback, no DNS failure', () => {
    expect(guard.refused).toEqual([]);
    expect(consoleErrors.filter((line) => /ENOTFOUND|getaddrinfo|EAI_AGAIN|off loopback/.test(line))).toEqual([]);
  });
});

describe('the key endpoints cannot be set from configuration', () => {
  let keys: FakeBotFrameworkKeys;
  let running: RunningBot;
  let redirects: Record<string, string>;
  beforeAll(async () => {
    keys = await FakeBotFrameworkKeys.start();
    // botbuilder's own names for these settings, in the process environment and in the bot's configuration.
    redirects = {
      BotOpenIdMetadata: keys.endpoints.channelOpenIdMetadataUrl,
      ToBotFromChannelOpenIdMetadataUrl: keys.endpoints.channelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: keys.endpoints.emulatorOpenIdMetadataUrl,
    };
    Object.assign(process.env, redirects);
    running = await startRunningBot({ ...singleTenant, ...redirects });
  });
  afterAll(async () => {
    for (const name of Object.keys(redirects)) delete process.env[name];
    await running.stop();
    await keys.stop();
  });

  it('still fetches keys from Bot Framework (refused here by the guard), never from an address in the environment', async () => {
    const before = guard.refused.length;
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.channelKey.sign(channelClaims())}` },
      body: JSON.stringify(helpMessage('auth-env')),
    });
    expect(res.status).not.toBe(200);
    expect(keys.requests).toEqual([]);
    expect(guard.refused.slice(before)).toEqual(['login.botframework.com:443']);
  });
});
