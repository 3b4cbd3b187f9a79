import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a download link grants: one export, to one person, until it expires. */
export interface LinkClaims {
  readonly export: string;
  readonly subject: string;
  readonly by: string;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function signature(payload: string, key: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

/** `payload.signature`, both base64url; the payload is the claims as JSON. */
export function signLink(claims: LinkClaims, key: string): string {
  const payload = b64(JSON.stringify(claims));
  return `${payload}.${b64(signature(payload, key))}`;
}

export type LinkCheck =
  | { readonly ok: true; readonly claims: LinkClaims }
  | { readonly ok: false; readonly reason: string };

/** Checks the signature in constant time, then the expiry. Never throws on malformed input. */
export function verifyLink(token: string, key: string, nowSeconds: number): LinkCheck {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || token.length > 2000) return { ok: false, reason: 'malformed link' };
  const expected = signature(payload, key);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'link not valid' };
  }
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
  } catch {
    return { ok: false, reason: 'malformed link' };
  }
  if (typeof claims.exp !== 'number' || claims.exp < nowSeconds) return { ok: false, reason: 'link expired' };
  return { ok: true, claims };
}
