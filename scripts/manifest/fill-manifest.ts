import { readFileSync } from 'node:fs';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A DNS host name with at least one dot: no scheme, port, path or trailing dot. */
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
/** MAJOR.MINOR.PATCH without leading zeros: what the Teams schema's `version` pattern accepts. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** Any `${{...}}`, however it is spelt inside, so that a typo in the template is reported rather than shipped. */
const ANY_PLACEHOLDER = /\$\{\{[^}]*\}\}/g;
const NAMED_PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** For local packaging only; each tenant should set TEAMS_APP_ID to its own GUID and keep it for the app's life. */
export const LOCAL_TEAMS_APP_ID = '5f0b5c1e-7a4d-4c55-9e2b-0c1a9d3e6f21';

export type PackagingValues = Record<
  'TEAMS_APP_ID' | 'BOT_ID' | 'BOT_DOMAIN' | 'APP_VERSION' | 'PRIVACY_URL' | 'TERMS_URL' | 'WEBSITE_URL',
  string
>;

/**
 * Host names that can never be a trust's published page: loopback, IP literals and the names reserved for examples
 * and tests (RFC 2606 / RFC 6761).
 */
const PLACEHOLDER_HOST = /(^|\.)(localhost|example|test|invalid|local)$|(^|\.)example\.(com|net|org)$|^[\d.]+$|^\[/i;

/** A variable's value with surrounding blanks removed; unset and blank (`BOT_ID=` in a .env file) both count as unset. */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '';
}

/** Reads and checks the packaging variables; each error is one sentence naming the variable and what to set it to. */
export function readPackagingEnv(env: NodeJS.ProcessEnv): PackagingValues {
  const botId = setting(env, 'BOT_ID') ?? setting(env, 'MicrosoftAppId') ?? '';
  if (!GUID.test(botId)) {
    throw new Error("Set BOT_ID (or MicrosoftAppId) to your Azure Bot's Microsoft App ID (a GUID).");
  }
  const teamsAppId = setting(env, 'TEAMS_APP_ID') ?? LOCAL_TEAMS_APP_ID;
  if (!GUID.test(teamsAppId)) {
    throw new Error('Set TEAMS_APP_ID to a GUID that identifies this Teams app in your tenant (or leave it unset).');
  }
  const domain = setting(env, 'BOT_DOMAIN') ?? '';
  if (!HOST.test(domain)) {
    throw new Error(
      'Set BOT_DOMAIN to the host name the bot is served from, without https:// or a path (e.g. ppi-bot.azurewebsites.net).',
    );
  }
  const version = setting(env, 'APP_VERSION') ?? packageVersion();
  if (!VERSION.test(version)) {
    throw new Error(
      'Set APP_VERSION to a MAJOR.MINOR.PATCH version such as 1.0.0 (or leave it unset for package.json).',
    );
  }
  if (setting(env, 'APP_BASE_URL') !== undefined) {
    throw new Error(
      "APP_BASE_URL is no longer used, because the bot serves no privacy or terms pages: unset it and set PRIVACY_URL and TERMS_URL to your trust's published pages.",
    );
  }
  const privacy = publishedPage(env, 'PRIVACY_URL', "your trust's privacy notice that covers PPI Partner", domain);
  const terms = publishedPage(env, 'TERMS_URL', 'the terms of use for PPI Partner in your trust', domain);
  const website =
    setting(env, 'WEBSITE_URL') === undefined
      ? new URL(privacy).origin
      : publishedPage(env, 'WEBSITE_URL', "your trust's website", domain);
  return {
    TEAMS_APP_ID: teamsAppId,
    BOT_ID: botId,
    BOT_DOMAIN: domain,
    APP_VERSION: version,
    PRIVACY_URL: privacy,
    TERMS_URL: terms,
    WEBSITE_URL: website,
  };
}

/**
 * A page the trust publishes (privacy notice, terms of use, website): required, https, and not on the bot's own host
 * (the bot serves no such pages) or a placeholder host. Teams shows these links on the app's details page.
 */
function publishedPage(env: NodeJS.ProcessEnv, name: string, what: string, botDomain: string): string {
  const value = setting(env, name);
  const fix = `Set ${name} to the https:// address of ${what}`;
  if (value === undefined) throw new Error(`${fix}; Teams shows it on the app's details page.`);
  if (!isHttpsUrl(value)) throw new Error(`${fix} (an https:// address without spaces, a query or a #fragment).`);
  const host = new URL(value).hostname.toLowerCase();
  if (host === botDomain.toLowerCase()) {
    throw new Error(`${fix}: ${host} is the bot's own host, which serves no such page.`);
  }
  if (PLACEHOLDER_HOST.test(host)) throw new Error(`${fix}: ${host} is a placeholder, not a published page.`);
  return value;
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && !url.search && !url.hash && !/\s/.test(text);
  } catch {
    return false;
  }
}

/**
 * Replaces every `${{NAME}}` in a JSON template with its value, escaped for use inside a JSON string literal.
 * Throws one sentence naming every placeholder left without a value (including misspelt ones).
 */
export function fillManifest(template: string, values: Readonly<Record<string, string>>): string {
  const filled = template.replace(NAMED_PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
  });
  const left = [...new Set(filled.match(ANY_PLACEHOLDER) ?? [])];
  if (left.length > 0) {
    throw new Error(`The manifest template has placeholders without a value: ${left.join(', ')}.`);
  }
  return filled;
}
