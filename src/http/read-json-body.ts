import type { IncomingMessage } from 'node:http';

/** What reading a request body gave: the parsed JSON, or the status and sentence to answer with. */
export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly error: string };

export interface JsonBodyLimits {
  /** Bytes read at most; a longer body is answered 413 without reading the rest. */
  readonly maxBytes: number;
  /** Deepest nesting of arrays and objects accepted (botbuilder and teams-ai walk activities recursively). */
  readonly maxDepth: number;
}

const refuse = (status: 400 | 413 | 415, error: string): JsonBody => ({ ok: false, status, error });

/** `application/json`, optionally with `charset=utf-8`; nothing else (no forms, no multipart, no text). */
function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** The deepest nesting of `[`/`{` in JSON text, counted without parsing (strings skipped). Stops past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

/**
 * Reads a JSON request body with every bound checked before anything is allocated for it: the media type must be
 * `application/json` (415), no `content-encoding` (415: a compressed body could inflate without limit), at most
 * `maxBytes` bytes read (413), valid UTF-8 JSON (400) nested at most `maxDepth` deep (400).
 */
export async function readJsonBody(req: IncomingMessage, limits: JsonBodyLimits): Promise<JsonBody> {
  const contentType = req.headers['content-type'];
  if (!isJsonMediaType(contentType)) {
    return refuse(415, 'Send the activity as JSON with the header Content-Type: application/json.');
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    return refuse(415, 'Compressed request bodies (Content-Encoding) are not accepted: send plain JSON.');
  }
  const declared = Number(req.headers['content-length']);
  const tooLarge = `The request body is larger than ${limits.maxBytes} bytes.`;
  if (Number.isFinite(declared) && declared > limits.maxBytes) return refuse(413, tooLarge);
  const bytes = await readCapped(req, limits.maxBytes);
  if (bytes === 'too-large') return refuse(413, tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'The request body is not valid UTF-8.');
  }
  if (jsonDepthExceeds(text, limits.maxDepth)) {
    return refuse(400, `The JSON is nested more than ${limits.maxDepth} levels deep.`);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refuse(400, 'The request body is not valid JSON.');
  }
}
