import { createHash } from 'node:crypto';

/** Azure Tables forbids `/ \ # ?` and control characters in keys; Azurite caps keys at 512 characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what Azure forbids in keys
const FORBIDDEN = /[%/\\#?\u0000-\u001f\u007f-\u009f]/g;
const MAX_KEY_LENGTH = 400;

/** Reversible percent-style encoding of the forbidden characters; over-long keys end in a hash instead. */
export function encodeKey(raw: string): string {
  const encoded = raw.replace(FORBIDDEN, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
  if (encoded.length <= MAX_KEY_LENGTH) return encoded;
  const digest = createHash('sha256').update(raw).digest('hex');
  return `${encoded.slice(0, MAX_KEY_LENGTH - 66)}~${digest}`;
}

export function decodeKey(key: string): string {
  return key.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * A stable bucket (two hex digits, `00`..`buckets-1`) for spreading rows over several partitions. Azure serves each
 * partition from one server (about 2,000 entities a second), so rows written in bursts must not share one.
 */
export function spreadBucket(raw: string, buckets: number): string {
  const digest = createHash('sha1').update(raw).digest();
  return (digest.readUInt16BE(0) % buckets).toString(16).padStart(2, '0');
}
