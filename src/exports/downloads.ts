import { randomBytes } from 'node:crypto';
import { type LinkClaims, signLink, verifyLink } from './signed-link.js';

/** A file served at GET /api/exports/<name>?t=<signed token>. */
export interface Download {
  readonly status: number;
  readonly contentType: string;
  readonly filename?: string;
  readonly body: string;
}

/** Builds one kind of export for its subject (e.g. the quarter), for the person the link was issued to; undefined refuses. */
export type ExportBuilder = (subject: string, by: string) => Promise<{ filename: string; body: string } | undefined>;

const LINK_MINUTES = 15;

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
      return {
        status: 403,
        contentType: 'text/plain; charset=utf-8',
        body: `This download ${reason === 'link expired' ? 'link has expired' : 'link is not valid'}: ask PPI Partner for a new one in Teams.`,
      };
    }
    const file = await builder(check.claims.subject, check.claims.by);
    if (!file) {
      return {
        status: 403,
        contentType: 'text/plain; charset=utf-8',
        body: 'You are no longer allowed to download this.',
      };
    }
    return { status: 200, contentType: 'text/csv; charset=utf-8', filename: file.filename, body: file.body };
  }
}
