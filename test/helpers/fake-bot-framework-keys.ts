import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenKeyEndpoints } from '../../src/teams/create-adapter.js';

/** Bot Framework's issuer for the tokens Teams sends (`iss`). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** One of the Entra issuers botbuilder also accepts (the botframework.com tenant): its Emulator and skills path. */
export const ENTRA_BOT_FRAMEWORK_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

/** Where Bot Framework publishes its metadata and keys, served at the same paths on loopback. */
const CHANNEL_METADATA_PATH = '/v1/.well-known/openidconfiguration';
const CHANNEL_KEYS_PATH = '/v1/.well-known/keys';
const ENTRA_METADATA_PATH = '/common/v2.0/.well-known/openid-configuration';
const ENTRA_KEYS_PATH = '/common/discovery/v2.0/keys';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RSA key pair made in the test, published (or not) under `kid`, that signs tokens with node:crypto. */
export class SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor(
    readonly kid: string,
    /** The channels the key may sign for, as Bot Framework publishes them; undefined for Entra's keys. */
    readonly endorsements?: readonly string[],
  ) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** The key as a JWKS entry. */
  jwk(): Record<string, unknown> {
    const { n, e } = this.publicKey.export({ format: 'jwk' });
    return {
      kty: 'RSA',
      use: 'sig',
      kid: this.kid,
      n,
      e,
      ...(this.endorsements ? { endorsements: this.endorsements } : {}),
    };
  }

  /** A compact JWT signed RS256 (RSASSA-PKCS1-v1_5 with SHA-256) with this key; `kid` defaults to this key's. */
  sign(claims: Record<string, unknown>, kid: string = this.kid): string {
    const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
    return `${signingInput}.${sign('sha256', Buffer.from(signingInput), this.privateKey).toString('base64url')}`;
  }

  /** HS256 with this key's public PEM as the HMAC secret: the classic algorithm-confusion forgery. */
  signHs256WithPublicKey(claims: Record<string, unknown>): string {
    const secret = this.publicKey.export({ format: 'pem', type: 'spki' });
    const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: this.kid })}.${base64url(claims)}`;
    return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
  }

  /** `alg: none`, no signature, under this key's kid. */
  unsigned(claims: Record<string, unknown>): string {
    return `${base64url({ alg: 'none', typ: 'JWT', kid: this.kid })}.${base64url(claims)}.`;
  }
}

/**
 * A loopback stand-in for Bot Framework's and Entra's OpenID metadata and key sets, with keys made in the test:
 * `channelKey` (endorsed for `msteams`), `webchatOnlyKey` (published, endorsed for `webchat` only) and `entraKey`
 * (the Entra key set, no endorsements). `requests` lists every path fetched from it.
 */
export class FakeBotFrameworkKeys {
  readonly channelKey = new SigningKey('channel-key', ['msteams']);
  readonly webchatOnlyKey = new SigningKey('webchat-only-key', ['webchat']);
  readonly entraKey = new SigningKey('entra-key');
  readonly requests: string[] = [];
  private server?: Server;

  static async start(): Promise<FakeBotFrameworkKeys> {
    const keys = new FakeBotFrameworkKeys();
    const server = createServer((req, res) => {
      const path = req.url ?? '';
      keys.requests.push(path);
      const body = keys.answer(path);
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { error: 'not found' }));
    });
    keys.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return keys;
  }

  private get origin(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeBotFrameworkKeys is not started.');
    return `http://127.0.0.1:${address.port}`;
  }

  /** What the adapter is given instead of Bot Framework's and Entra's public metadata addresses. */
  get endpoints(): TokenKeyEndpoints {
    return {
      channelOpenIdMetadataUrl: `${this.origin}${CHANNEL_METADATA_PATH}`,
      emulatorOpenIdMetadataUrl: `${this.origin}${ENTRA_METADATA_PATH}`,
    };
  }

  private answer(path: string): unknown {
    switch (path) {
      case CHANNEL_METADATA_PATH:
        return { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.origin}${CHANNEL_KEYS_PATH}` };
      case CHANNEL_KEYS_PATH:
        return { keys: [this.channelKey.jwk(), this.webchatOnlyKey.jwk()] };
      case ENTRA_METADATA_PATH:
        return { issuer: ENTRA_BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.origin}${ENTRA_KEYS_PATH}` };
      case ENTRA_KEYS_PATH:
        return { keys: [this.entraKey.jwk()] };
      default:
        return undefined;
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
