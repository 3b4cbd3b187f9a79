import { createHash, randomBytes } from 'node:crypto';
import { type LinkClaims, signLink, verifyLink } from './signed-link.js';

/** A file served at GET /api/exports/<name>?t=<signed token>, with every response header it needs. */
export interface Download {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * What an export builds: a CSV or plain text (downloaded as an attachment) or a self-contained HTML page (shown in the
 * browser, with no scripts and no external resources; its <style> elements are allowed by hash, nothing else loads).
 */
export type ExportFile =
  | { readonly kind?: 'csv' | 'text'; readonly filename: string; readonly body: string }
  | { readonly kind: 'html'; readonly filename: string; readonly body: string };

/** Builds one kind of export for its subject (e.g. the quarter), for the person the link was issued to; undefined refuses. */
export type ExportBuilder = (subject: string, by: string) => Promise<ExportFile | undefined>;

const LINK_MINUTES = 15;

const COMMON = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // The token is in the URL: never send it on as a referrer.
  'referrer-policy': 'no-referrer',
} as const;

const safeName = (filename: string) => filename.replace(/[^\w.-]/g, '_');

/** The sha-256 source of every inline <style> element, for the page's Content-Security-Policy. */
export function styleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
}

/**
 * The strictest policy a self-contained page can have: nothing loads (no scripts, images, fonts, frames or
 * connections), only its own <style> blocks by hash, no forms, no base URL, and it cannot be framed.
 */
export function htmlSecurityPolicy(html: string): string {
  const styles = styleHashes(html);
  return [
    "default-src 'none'",
    `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function headersFor(file: ExportFile): Record<string, string> {
  if (file.kind === 'html') {
    return {
      ...COMMON,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': htmlSecurityPolicy(file.body),
      'content-disposition': `inline; filename="${safeName(file.filename)}"`,
    };
  }
  return {
    ...COMMON,
    'content-type': file.kind === 'text' ? 'text/plain; charset=utf-8' : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${safeName(file.filename)}"`,
  };
}

const refusal = (body: string): Download => ({
  status: 403,
  headers: { ...COMMON, 'content-type': 'text/plain; charset=utf-8' },
  body,
});

/**
 * Download links that need no sign-in but are authorised: issued in a Teams turn to someone the feature has
 * already checked (e.g. the PPI team), signed with HMAC, valid for 15 minutes, for one export and subject.
 * The file is built when the link is opened; nothing is stored.
 */
export class Downloads {
  private readonly builders = new Map<string, ExportBuilder>();
  private readonly key: string;

  constructor(
    private readonly baseUrl: string | undefined,
    key: string | undefined,
    private readonly now: () => Date,
  ) {
    this.key = key ?? randomBytes(32).toString('hex');
  }

  register(name: string, builder: ExportBuilder): void {
    this.builders.set(name, builder);
  }

  /** A link for `by` to download export `name` of `subject`, or undefined when PUBLIC_BASE_URL is not set. */
  linkFor(name: string, subject: string, by: string): { url: string; minutes: number } | undefined {
    if (!this.baseUrl) return undefined;
    const claims: LinkClaims = {
      export: name,
      subject,
      by,
      exp: Math.floor(this.now().getTime() / 1000) + LINK_MINUTES * 60,
    };
    return { url: `${this.baseUrl}/api/exports/${name}?t=${signLink(claims, this.key)}`, minutes: LINK_MINUTES };
  }

  async serve(name: string, token: string): Promise<Download> {
    const check = verifyLink(token, this.key, Math.floor(Date.now() / 1000));
    const builder = this.builders.get(name);
    if (!check.ok || check.claims.export !== name || !builder) {
      const reason = check.ok ? 'link not valid' : check.reason;
      return refusal(
        `This download ${reason === 'link expired' ? 'link has expired' : 'link is not valid'}: ask PPI Partner for a new one in Teams.`,
      );
    }
    const file = await builder(check.claims.subject, check.claims.by);
    if (!file) return refusal('You are no longer allowed to download this.');
    return { status: 200, headers: headersFor(file), body: file.body };
  }
}
